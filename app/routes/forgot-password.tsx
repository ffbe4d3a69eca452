import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { requestPasswordReset } from "~/utils/accounts.server";
import { domainFrom, requestMeta } from "~/utils/domain.server";
import { emailAddress } from "../../worker/domain/auth/inputs";

export const meta: MetaFunction = () => [{ title: "Reset your password — MegiLance" }];

export const forgotPasswordSchema = z.object({
  email: emailAddress,
});

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  // The same answer whether or not the account exists, so the page cannot be used to probe addresses.
  await requestPasswordReset(domainFrom(context), submission.value.email, requestMeta(request));
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(forgotPasswordSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  return (
    <AuthPage
      title="Reset your password"
      intro="Enter the email address of your account and we will send you a link to choose a new password."
    >
      {actionData?.sent ? (
        <Alert tone="success" title="Check your inbox" className="mb-6">
          If an account exists for that address, we sent it a link. The link works for one hour.
        </Alert>
      ) : null}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <Field
          label="Email"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
        />
        <Button type="submit" className="w-full" disabled={submitting}>
          Send the reset link
        </Button>
      </Form>
      <p className="text-muted mt-6 text-sm">
        Remembered it?{" "}
        <Link to="/sign-in" className={textLinkClass}>
          Sign in
        </Link>
        .
      </p>
    </AuthPage>
  );
}
