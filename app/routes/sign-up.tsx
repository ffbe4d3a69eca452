import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../worker/domain/auth/common-passwords";
import { accountName, emailAddress, SIGNUP_ROLES } from "../../worker/domain/auth/inputs";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { OAuthButtons } from "~/components/oauth-buttons";
import { FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { RadioGroup } from "~/components/ui/choice";
import { Field } from "~/components/ui/field";
import { registerUser } from "~/utils/accounts.server";
import { requireAnonymous } from "~/utils/auth.server";
import { domainFrom, oauthProvidersFrom, requestMeta } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { portalPathFor, safeRedirect } from "~/utils/redirect";
import { startWebSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Create your account — MegiLance" }];

export const signUpSchema = z.object({
  name: accountName,
  email: emailAddress,
  password: z
    .string({ error: "Choose a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
  role: z.enum(SIGNUP_ROLES, { error: "Choose how you will use MegiLance." }),
  redirectTo: z.string().max(2048).optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return { oauthProviders: oauthProvidersFrom(context), redirectTo: new URL(request.url).searchParams.get("redirectTo") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signUpSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const { redirectTo, ...input } = submission.value;
  try {
    const user = await registerUser(domainFrom(context), input, requestMeta(request));
    const cookie = await startWebSession(request, context, user, { mfaVerified: false, method: "sign_up" });
    return redirect(safeRedirect(redirectTo, portalPathFor(user.roles)), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return replyWithAppError(submission, error, ["password"]);
  }
}

export default function SignUp() {
  const { oauthProviders, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "sign-up",
    lastResult: actionData?.result,
    constraint: getZodConstraint(signUpSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
  });
  return (
    <AuthPage
      title="Create your account"
      intro={
        <>
          Already have one?{" "}
          <Link to={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/sign-in"} className={textLinkClass}>
            Sign in
          </Link>
          .
        </>
      }
    >
      <Form method="post" className="space-y-5" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          label="Full name"
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }}
        />
        <Field
          label="Email"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
        />
        <Field
          label="Password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
        />
        <RadioGroup
          legend="I want to"
          name={fields.role.name}
          id={fields.role.id}
          defaultValue={(fields.role.initialValue as string | undefined) ?? undefined}
          errors={fields.role.errors}
          options={SIGNUP_ROLES.map((role) =>
            role === "client"
              ? { value: role, label: "Hire (client)", description: "Post projects and work with freelancers." }
              : { value: role, label: "Work (freelancer)", description: "Find projects and send proposals." },
          )}
        />
        <Button type="submit" className="w-full" disabled={submitting}>
          {submitting ? "Creating your account…" : "Create account"}
        </Button>
      </Form>
      <OAuthButtons providers={oauthProviders} redirectTo={redirectTo} chooseRole />
    </AuthPage>
  );
}
