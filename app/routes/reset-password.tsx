import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../worker/domain/auth/common-passwords";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { resetPassword } from "~/utils/accounts.server";
import { domainFrom, requestMeta } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password — MegiLance" }];

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "This reset link is incomplete." }).min(1).max(200),
    password: z
      .string({ error: "Choose a new password." })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
    confirmPassword: z.string({ error: "Type the new password again." }).max(MAX_PASSWORD_LENGTH),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  const hidden = ["password", "confirmPassword"];
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 });
  try {
    await resetPassword(domainFrom(context), submission.value.token, submission.value.password, requestMeta(request));
  } catch (error) {
    return replyWithAppError(submission, error, hidden);
  }
  return redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(resetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  });
  if (!token) {
    return (
      <AuthPage title="Choose a new password">
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the email again, or{" "}
          <Link to="/forgot-password" className={textLinkClass}>
            ask for a new one
          </Link>
          .
        </Alert>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Choose a new password" intro="After this, every device signed in to your account is signed out.">
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <Field
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <Field
          label="New password again"
          errors={fields.confirmPassword.errors}
          inputProps={{ ...getInputProps(fields.confirmPassword, { type: "password" }), autoComplete: "new-password" }}
        />
        <Button type="submit" className="w-full" disabled={submitting}>
          Save the new password
        </Button>
      </Form>
      {form.errors?.length ? (
        <p className="text-muted mt-6 text-sm">
          <Link to="/forgot-password" className={textLinkClass}>
            Ask for a new link
          </Link>
        </p>
      ) : null}
    </AuthPage>
  );
}
