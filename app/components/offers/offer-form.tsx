import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { MAX_OFFER_MILESTONES, offerFormFields, offerFormSchema } from "../../../worker/domain/contracts/offer-input";
import { TextAreaField } from "../marketplace/fields";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmButton, type FormValues } from "../ui/confirm";
import { Field, FieldErrors } from "../ui/field";
import { offerConfirmation, readOffer, type OfferContext } from "./offer-confirmation";

export interface OfferDefaults {
  title: string;
  type: "fixed" | "hourly";
  milestones: Array<{ title: string; amount: string; dueDate?: string }>;
  hourlyRate: string;
  weeklyHourLimit: string;
  startDate: string;
  message: string;
}

/**
 * The offer a client makes on a proposal. "Review offer" shows everything the freelancer will be asked to accept;
 * only "Send offer" in that review sends it. Without JavaScript both kinds of terms show and the review comes back
 * from the server as a page.
 */
export function OfferForm({
  offer,
  defaultValue,
  lastResult,
  today,
}: {
  offer: OfferContext;
  defaultValue: OfferDefaults;
  lastResult?: SubmissionResult<string[]>;
  today: string;
}) {
  const schema = offerFormSchema(offer.currency);
  const sending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "offer",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(offerFormFields),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Both kinds of terms show until the page is interactive; then only the chosen one.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const type = fields.type.value === "hourly" ? "hourly" : "fixed";
  const rows = fields.milestones.getFieldList();
  const check = (element: HTMLFormElement) => {
    const values: FormValues = {};
    for (const [name, value] of new FormData(element)) if (typeof value === "string") values[name] = value;
    if (readOffer(values, offer.currency)) return true;
    form.validate();
    return false;
  };
  return (
    <Form method="post" className="space-y-6" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label="Title of the contract" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
      <fieldset>
        <legend className="text-sm font-medium">How you pay</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["fixed", "hourly"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                {...getInputProps(fields.type, { type: "radio", value })}
                key={`${fields.type.key}-${value}`}
                className="h-4 w-4 accent-[var(--color-brand-600)]"
              />
              {value === "fixed" ? "Fixed price, paid by milestone" : "Hourly, with a weekly limit"}
            </label>
          ))}
        </div>
        <FieldErrors id={fields.type.errorId} errors={fields.type.errors} />
      </fieldset>

      <fieldset hidden={interactive && type !== "fixed"} className="border-subtle space-y-3 rounded-card border p-4">
        <legend className="px-1 text-sm font-semibold">Milestones (fixed price)</legend>
        <p className="text-muted text-sm">The price is the sum of the milestones. You fund each one when the contract is active.</p>
        <FieldErrors id={fields.milestones.errorId} errors={fields.milestones.errors} />
        <ol className="space-y-3">
          {rows.map((row, index) => {
            const m = row.getFieldset();
            return (
              <li key={row.key} className="grid gap-3 sm:grid-cols-[1fr_9rem_10rem_auto] sm:items-end">
                <Field label={`Milestone ${index + 1}`} errors={m.title.errors} inputProps={getInputProps(m.title, { type: "text" })} />
                <Field
                  label={`Amount (${offer.currency})`}
                  errors={m.amount.errors}
                  inputProps={{ ...getInputProps(m.amount, { type: "text" }), inputMode: "decimal" }}
                />
                <Field label="Due date (optional)" errors={m.dueDate.errors} inputProps={getInputProps(m.dueDate, { type: "date" })} />
                {rows.length > 1 ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    {...form.remove.getButtonProps({ name: fields.milestones.name, index })}
                    aria-label={`Remove milestone ${index + 1}`}
                  >
                    Remove
                  </Button>
                ) : (
                  <span />
                )}
              </li>
            );
          })}
        </ol>
        {rows.length < MAX_OFFER_MILESTONES ? (
          <Button variant="secondary" size="sm" {...form.insert.getButtonProps({ name: fields.milestones.name })}>
            Add a milestone
          </Button>
        ) : null}
      </fieldset>

      <fieldset hidden={interactive && type !== "hourly"} className="border-subtle grid gap-3 rounded-card border p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">Hourly rate and weekly limit</legend>
        <Field
          label={`Hourly rate (${offer.currency})`}
          errors={fields.hourlyRate.errors}
          inputProps={{ ...getInputProps(fields.hourlyRate, { type: "text" }), inputMode: "decimal" }}
        />
        <Field
          label="Weekly limit (hours)"
          errors={fields.weeklyHourLimit.errors}
          inputProps={{ ...getInputProps(fields.weeklyHourLimit, { type: "text" }), inputMode: "numeric" }}
        />
      </fieldset>

      <Field
        label="Start date"
        errors={fields.startDate.errors}
        inputProps={{ ...getInputProps(fields.startDate, { type: "date" }), min: today }}
      />
      <TextAreaField
        label="Message to the freelancer (optional)"
        errors={fields.message.errors}
        textareaProps={{ ...getTextareaProps(fields.message), rows: 4 }}
      />
      <ConfirmButton confirm={(values) => offerConfirmation(values, offer)} check={check} disabled={sending}>
        {sending ? "Sending…" : "Review offer"}
      </ConfirmButton>
    </Form>
  );
}
