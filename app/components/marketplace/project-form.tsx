import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_VISIBILITIES } from "../../../db/schema/values";
import { SUPPORTED_CURRENCIES } from "~/utils/money";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { SelectField, TextAreaField } from "./fields";
import { BUDGET_TYPE_LABELS, EXPERIENCE_LABELS, VISIBILITY_LABELS } from "./labels";
import { projectFormSchema, type ProjectFormValue } from "./project-form-schema";

export function ProjectForm({
  id,
  categories,
  defaultValue,
  lastResult,
  submitLabel,
  intent,
}: {
  id: string;
  /** Set when the page has several forms; posted as the `intent` field. */
  intent?: string;
  categories: Array<{ slug: string; name: string }>;
  defaultValue?: Partial<ProjectFormValue>;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: { budgetType: "fixed", currency: "USD", experienceLevel: "intermediate", visibility: "public", ...defaultValue },
    constraint: getZodConstraint(projectFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: projectFormSchema }),
  });
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label="Title" errors={fields.title.errors} inputProps={getInputProps(fields.title, { type: "text" })} />
      <TextAreaField label="Description" errors={fields.description.errors} textareaProps={getTextareaProps(fields.description)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Category"
          errors={fields.category.errors}
          options={[{ value: "", label: "Choose a category" }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
          selectProps={getSelectProps(fields.category)}
        />
        <Field
          label="Skills"
          hint="Comma-separated names, e.g. React, TypeScript"
          errors={fields.skills.errors}
          inputProps={getInputProps(fields.skills, { type: "text" })}
        />
        <SelectField
          label="Budget type"
          errors={fields.budgetType.errors}
          options={BUDGET_TYPES.map((t) => ({ value: t, label: BUDGET_TYPE_LABELS[t] }))}
          selectProps={getSelectProps(fields.budgetType)}
        />
        <SelectField
          label="Currency"
          errors={fields.currency.errors}
          options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
          selectProps={getSelectProps(fields.currency)}
        />
        <Field
          label="Minimum budget"
          hint="In the currency's main unit; for hourly work, per hour."
          errors={fields.budgetMin.errors}
          inputProps={{ ...getInputProps(fields.budgetMin, { type: "text" }), inputMode: "decimal" }}
        />
        <Field
          label="Maximum budget"
          errors={fields.budgetMax.errors}
          inputProps={{ ...getInputProps(fields.budgetMax, { type: "text" }), inputMode: "decimal" }}
        />
        <SelectField
          label="Experience level"
          errors={fields.experienceLevel.errors}
          options={EXPERIENCE_LEVELS.map((l) => ({ value: l, label: EXPERIENCE_LABELS[l] }))}
          selectProps={getSelectProps(fields.experienceLevel)}
        />
        <SelectField
          label="Visibility"
          errors={fields.visibility.errors}
          options={PROJECT_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
          selectProps={getSelectProps(fields.visibility)}
        />
      </div>
      <Button type="submit" disabled={submitting}>
        {submitting ? "Saving…" : submitLabel}
      </Button>
    </Form>
  );
}
