import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { saveSearchInput } from "../../../worker/domain/saved-searches/inputs";
import { FormErrors } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

/** The domain's input, with the page's filters sent as a hidden field (empty for "every open project"). */
export const saveSearchFormSchema = saveSearchInput
  .pick({ name: true })
  .extend({ query: saveSearchInput.shape.query.optional().default("") });

/** "Save this search" under the filters: names the search now shown, to alert on new projects that match it. */
export function SaveSearchForm({ query, lastResult }: { query: string; lastResult?: SubmissionResult<string[]> }) {
  const saving = useNavigation().formData?.has("name") ?? false;
  const [form, fields] = useForm({
    id: "save-search",
    lastResult,
    constraint: getZodConstraint(saveSearchFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: saveSearchFormSchema }),
  });
  return (
    <Form
      method="post"
      className="border-subtle surface rounded-card border p-4 sm:p-5"

      {...getFormProps(form)}
    >
      <input type="hidden" name="query" value={query} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field
          className="flex-1"
          label="Save this search"
          hint="Name it, and we tell you when a new project matches these filters."
          errors={fields.name.errors ?? fields.query.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), placeholder: "e.g. React projects" }}
        />
        <Button type="submit" variant="secondary" disabled={saving}>
          {saving ? "Saving…" : "Save search"}
        </Button>
      </div>
    </Form>
  );
}
