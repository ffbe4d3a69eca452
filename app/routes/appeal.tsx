import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthPage } from "~/components/auth-page";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors, inputClass } from "~/components/ui/field";
import { domainFrom, requestMeta } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { clearSessionCookie, sessionToken } from "~/utils/session.server";
import { submitAppeal } from "../../worker/domain/trust/appeals";
import { appealInputSchema } from "../../worker/domain/trust/values";
import { blockedAccountForSessionToken } from "../../worker/domain/trust/blocks";

export const meta: MetaFunction = () => [{ title: "Appeal a block — MegiLance" }];

/** A blocked account's browser still carries its (ended) session: greet it with the reason. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = sessionToken(request);
  const blocked = token ? await blockedAccountForSessionToken(domainFrom(context), token) : null;
  return { email: blocked?.email ?? "", reason: blocked?.reason ?? null, signedInAsBlocked: Boolean(blocked) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "forget") return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
  const submission = parseWithZod(form, { schema: appealInputSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: null }, { status: 400 });
  try {
    const answer = await submitAppeal(domainFrom(context), submission.value, requestMeta(request));
    return { result: submission.reply({ resetForm: true }), sent: answer.message };
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function Appeal() {
  const { email, reason, signedInAsBlocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "appeal",
    lastResult: actionData?.result,
    defaultValue: { email },
    constraint: getZodConstraint(appealInputSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: appealInputSchema }),
  });
  const sent = actionData && "sent" in actionData ? actionData.sent : null;
  return (
    <AuthPage
      title="Appeal a block"
      intro="If we blocked your account by mistake, tell us what happened. An admin reads every appeal and answers by email."
    >
      {reason ? (
        <Alert tone="warning" title="Why the account is blocked" className="mb-6">
          {reason}
        </Alert>
      ) : null}
      {sent ? (
        <Alert tone="success" title="Appeal received" className="mb-6">
          {sent}
        </Alert>
      ) : null}
      {form.errors?.length ? (
        <Alert tone="danger" className="mb-6">
          {form.errors.join(" ")}
        </Alert>
      ) : null}
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <Field
          label="Email of the blocked account"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
        />
        <div>
          <label htmlFor={fields.message.id} className="block text-sm font-medium">
            Your appeal
          </label>
          <textarea
            {...getTextareaProps(fields.message)}
            rows={6}
            aria-describedby={fields.message.errors ? `${fields.message.id}-error` : undefined}
            className={`${inputClass} mt-1`}
          />
          <FieldErrors id={`${fields.message.id}-error`} errors={fields.message.errors} />
        </div>
        <Button type="submit" className="w-full" disabled={submitting}>
          Send the appeal
        </Button>
      </Form>
      {signedInAsBlocked ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="intent" value="forget" />
          <Button type="submit" variant="secondary" className="w-full">
            Sign out of this device
          </Button>
        </Form>
      ) : null}
    </AuthPage>
  );
}
