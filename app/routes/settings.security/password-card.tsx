import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { securitySchema, type SecurityActionData } from "./schemas";

export function PasswordCard({ hasPassword, answer }: { hasPassword: boolean; answer?: SecurityActionData }) {
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: answer?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: securitySchema }),
  });
  if (!hasPassword) {
    return (
      <Card title="Password" description="You sign in with another account (Google or GitHub), so there is no password to change.">
        <Link to="/forgot-password" className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
          Set a password by email
        </Link>
      </Card>
    );
  }
  return (
    <Card title="Password" description="Changing it signs out your other devices.">
      <Form method="post" className="max-w-md space-y-4" {...getFormProps(form)}>
        {answer?.notice ? <Alert tone="success">{answer.notice}</Alert> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Current password"
          errors={fields.currentPassword.errors}
          inputProps={{ ...getInputProps(fields.currentPassword, { type: "password" }), autoComplete: "current-password", required: true }}
        />
        <Field
          label="New password"
          errors={fields.newPassword.errors}
          inputProps={{ ...getInputProps(fields.newPassword, { type: "password" }), autoComplete: "new-password", required: true }}
        />
        <Button type="submit" name="intent" value="change-password">
          Change password
        </Button>
      </Form>
    </Card>
  );
}
