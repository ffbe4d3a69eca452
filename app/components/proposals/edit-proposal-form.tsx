import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import type { BudgetType } from "../../../db/schema/values";
import { TextAreaField } from "../marketplace/fields";
import { requireBidTerms } from "../../../worker/domain/proposals/input";
import { proposalFields } from "../marketplace/project-intents";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmButton, type Confirmation } from "../ui/confirm";
import { Field } from "../ui/field";
import { BidTermsField } from "./bid-terms-field";

/** The buttons of a freelancer's proposal page: edit it or withdraw it while the client has not decided. */
export const proposalPageSchema = (budgetType: BudgetType) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("edit"), ...proposalFields(budgetType) }).superRefine(requireBidTerms(budgetType)),
    z.object({ intent: z.literal("withdraw") }),
  ]);

export function EditProposalForm({
  currency,
  budgetType,
  defaultValue,
  lastResult,
}: {
  currency: string;
  budgetType: BudgetType;
  defaultValue: { coverLetter: string; bidAmount: string; estimatedDays: number | null; weeklyHours: number | null };
  lastResult?: SubmissionResult<string[]>;
}) {
  const saving = useNavigation().formData?.get("intent") === "edit";
  const schema = useMemo(() => proposalPageSchema(budgetType), [budgetType]);
  const [form, fields] = useForm({
    id: "edit-proposal",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const hourly = budgetType === "hourly";
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="edit" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextAreaField
        label="Cover letter"
        errors={fields.coverLetter.errors}
        textareaProps={{ ...getTextareaProps(fields.coverLetter), rows: 8 }}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={hourly ? `Hourly rate (${currency} an hour)` : `Bid amount (${currency})`}
          errors={fields.bidAmount.errors}
          inputProps={{ ...getInputProps(fields.bidAmount, { type: "text" }), inputMode: "decimal" }}
        />
        <BidTermsField budgetType={budgetType} fields={fields} />
      </div>
      <Button disabled={saving}>{saving ? "Saving…" : "Save changes"}</Button>
    </Form>
  );
}

/** Withdrawing cannot be undone: the freelancer confirms it first. */
export function withdrawConfirmation(projectTitle: string): Confirmation {
  return {
    title: "Withdraw this proposal?",
    body: <p>The client of “{projectTitle}” no longer sees it, and you cannot send another proposal to this project.</p>,
    confirmLabel: "Withdraw proposal",
    tone: "danger",
  };
}

export function WithdrawProposalForm({ projectTitle }: { projectTitle: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="withdraw" />
      <ConfirmButton variant="danger" confirm={withdrawConfirmation(projectTitle)}>
        Withdraw proposal
      </ConfirmButton>
    </Form>
  );
}
