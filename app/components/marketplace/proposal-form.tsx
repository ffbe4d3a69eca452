import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import type { BudgetType } from "../../../db/schema/values";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { BidTermsField } from "../proposals/bid-terms-field";
import { TextAreaField } from "./fields";
import { projectPageSchema } from "./project-intents";

/** The freelancer's proposal: the bid (a rate on an hourly project) is typed in major units of the project's currency. */
export function ProposalForm({
  currency,
  budgetType,
  lastResult,
}: {
  currency: string;
  budgetType: BudgetType;
  lastResult?: SubmissionResult<string[]>;
}) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "send-proposal";
  const schema = useMemo(() => projectPageSchema(budgetType), [budgetType]);
  const [form, fields] = useForm({
    id: "send-proposal",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const hourly = budgetType === "hourly";
  return (
    <Card
      title="Send a proposal"
      description={
        hourly
          ? "Tell the client how you would do the work, your hourly rate and how many hours a week you can give it."
          : "Tell the client how you would do the work, what it costs and how long it takes."
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="send-proposal" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextAreaField
          label="Cover letter"
          hint="At least 100 characters, written for this project."
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
        <Button type="submit" disabled={sending}>
          {sending ? "Sending…" : "Send proposal"}
        </Button>
      </Form>
    </Card>
  );
}
