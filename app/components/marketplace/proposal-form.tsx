import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { TextAreaField } from "./fields";
import { projectPageSchema } from "./project-intents";

/** The freelancer's proposal: the bid is typed in major units of the project's currency. */
export function ProposalForm({ currency, lastResult }: { currency: string; lastResult?: SubmissionResult<string[]> }) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "send-proposal";
  const [form, fields] = useForm({
    id: "send-proposal",
    lastResult,
    constraint: getZodConstraint(projectPageSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: projectPageSchema }),
  });
  return (
    <Card title="Send a proposal" description="Tell the client how you would do the work, what it costs and how long it takes.">
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
            label={`Bid amount (${currency})`}
            errors={fields.bidAmount.errors}
            inputProps={{ ...getInputProps(fields.bidAmount, { type: "text" }), inputMode: "decimal" }}
          />
          <Field
            label="Estimated days"
            errors={fields.estimatedDays.errors}
            inputProps={{ ...getInputProps(fields.estimatedDays, { type: "number" }), min: 1, max: 3650 }}
          />
        </div>
        <Button type="submit" disabled={sending}>
          {sending ? "Sending…" : "Send proposal"}
        </Button>
      </Form>
    </Card>
  );
}
