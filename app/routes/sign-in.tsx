import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { OAuthButtons } from "~/components/oauth-buttons";
import { PasskeySignIn, usePasskeySupport } from "~/components/passkey-sign-in";
import { Alert, FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import {
  authenticationResponseSchema,
  beginPasskeySignIn,
  completeSignInWithCode,
  emailCodeForPendingSignIn,
  emailSignInCode,
  pendingSignInUser,
  signInWithPasskey,
  signInWithPassword,
} from "~/utils/accounts.server";
import { requireAnonymous } from "~/utils/auth.server";
import { AppError, domainFrom, oauthProvidersFrom, requestMeta } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { portalPathFor, safeRedirect } from "~/utils/redirect";
import { clearPendingSignInCookie, pendingSignInCookie, pendingSignInTicket, sessionCookie, startWebSession } from "~/utils/session.server";
import { emailAddress } from "../../worker/domain/auth/inputs";
import { challengeId } from "../../worker/domain/auth/passkeys-schema";

export const meta: MetaFunction = () => [{ title: "Sign in — MegiLance" }];

const redirectTo = z.string().max(2048).optional();
const email = emailAddress;
const password = z.string({ error: "Enter your password." }).max(256);

/** Step one is the password or a passkey; step two (2FA on, after a password) a code, or a request to email one. */
export const signInSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("password"),
    email,
    password,
    // Only asked for while password sign-in is throttled: the code we email to the owner.
    code: z.string().trim().max(32, "That is too long for a code.").optional(),
    redirectTo,
  }),
  z.object({ intent: z.literal("email-sign-in-code"), email, password, redirectTo }),
  z.object({
    intent: z.literal("code"),
    code: z.string({ error: "Enter the code." }).trim().min(6, "Codes have at least 6 characters.").max(32, "That is too long for a code."),
    redirectTo,
  }),
  z.object({
    intent: z.literal("passkey"),
    challengeId,
    response: z.string({ error: "Your browser sent no passkey answer." }).max(40_000),
    redirectTo,
  }),
  z.object({ intent: z.literal("email-code"), redirectTo }),
  z.object({ intent: z.literal("start-over"), redirectTo }),
]);

function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const url = new URL(request.url);
  const ticket = pendingSignInTicket(request);
  const pending = ticket ? await pendingSignInUser(domainFrom(context), ticket) : null;
  const page = {
    step: pending ? ("code" as const) : ("password" as const),
    maskedEmail: pending ? maskEmail(pending.email) : null,
    redirectTo: url.searchParams.get("redirectTo"),
    notice: url.searchParams.get("reset") === "1" ? "Your password was changed. Sign in with the new one." : null,
    oauthProviders: oauthProvidersFrom(context),
    passkey: pending ? null : await passkeyChallenge(context, request),
  };
  return ticket && !pending ? data(page, { headers: { "Set-Cookie": clearPendingSignInCookie(request) } }) : page;
}

/** A challenge for any passkey of this site, so the browser can offer them in the email field's autofill. */
async function passkeyChallenge(context: LoaderFunctionArgs["context"], request: Request) {
  try {
    return await beginPasskeySignIn(domainFrom(context), {}, requestMeta(request));
  } catch (error) {
    // Over the per-address limit the page still works; the passkey button asks again when pressed.
    if (error instanceof AppError && error.status === 429) return null;
    throw error;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signInSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const ctx = domainFrom(context);
  const meta = requestMeta(request);
  const value = submission.value;
  const backHere = value.redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(value.redirectTo)}` : "/sign-in";
  try {
    switch (value.intent) {
      case "password": {
        const outcome = await signInWithPassword(ctx, value, meta);
        if (outcome.status === "code_required") {
          return redirect(backHere, { headers: { "Set-Cookie": pendingSignInCookie(request, outcome.ticket) } });
        }
        const cookie = await startWebSession(request, context, outcome.user, { mfaVerified: outcome.mfaVerified, method: "password" });
        return redirect(safeRedirect(value.redirectTo, portalPathFor(outcome.user.roles)), { headers: { "Set-Cookie": cookie } });
      }
      case "code": {
        const { user, method } = await completeSignInWithCode(ctx, pendingSignInTicket(request) ?? "", value.code, meta);
        const headers = new Headers();
        headers.append("Set-Cookie", await startWebSession(request, context, user, { mfaVerified: true, method: `password+${method}` }));
        headers.append("Set-Cookie", clearPendingSignInCookie(request));
        return redirect(safeRedirect(value.redirectTo, portalPathFor(user.roles)), { headers });
      }
      case "email-sign-in-code": {
        await emailSignInCode(ctx, value);
        return {
          result: submission.reply({ hideFields: ["password"] }),
          notice: "If the password is right, we emailed you a sign-in code. It works for 10 minutes.",
          throttled: true,
        };
      }
      case "passkey": {
        let answer: unknown;
        try {
          answer = JSON.parse(value.response);
        } catch {
          answer = null;
        }
        const parsed = authenticationResponseSchema.safeParse(answer);
        if (!parsed.success)
          throw new AppError(400, "invalid_passkey", "Your browser sent a passkey answer we could not read. Please try again.");
        // The same web session a password sign-in starts; passkey plus user verification counts as two factors.
        const { user, token } = await signInWithPasskey(ctx, { challengeId: value.challengeId, response: parsed.data }, meta, "web");
        const headers = new Headers({ "Set-Cookie": sessionCookie(request, token) });
        headers.append("Set-Cookie", clearPendingSignInCookie(request));
        return redirect(safeRedirect(value.redirectTo, portalPathFor(user.roles)), { headers });
      }
      case "email-code": {
        await emailCodeForPendingSignIn(ctx, pendingSignInTicket(request) ?? "");
        return { result: submission.reply({ resetForm: true }), notice: "We emailed you a code. It works for 10 minutes." };
      }
      case "start-over":
        return redirect(backHere, { headers: { "Set-Cookie": clearPendingSignInCookie(request) } });
    }
  } catch (error) {
    return replyWithAppError(submission, error, ["password", "code", "response"]);
  }
}

export default function SignIn() {
  const { step, maskedEmail, redirectTo, notice, oauthProviders, passkey } = useLoaderData<typeof loader>();
  const passkeySupport = usePasskeySupport();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const signUpHref = params.get("redirectTo") ? `/sign-up?redirectTo=${encodeURIComponent(params.get("redirectTo") ?? "")}` : "/sign-up";
  return (
    <AuthPage
      title={step === "code" ? "Two-step verification" : "Sign in"}
      intro={
        step === "code" ? (
          <>
            Signing in as <span className="font-medium">{maskedEmail}</span>. Enter the 6-digit code from your authenticator app or one of
            your backup codes.
          </>
        ) : (
          <>
            New to MegiLance?{" "}
            <Link to={signUpHref} className={textLinkClass}>
              Create an account
            </Link>
            .
          </>
        )
      }
    >
      {notice ? (
        <Alert tone="success" className="mb-5">
          {notice}
        </Alert>
      ) : null}
      {step === "code" ? (
        <CodeStep
          redirectTo={redirectTo}
          lastResult={actionData?.result}
          sent={actionData && "notice" in actionData ? actionData.notice : null}
        />
      ) : (
        <>
          <PasswordStep
            redirectTo={redirectTo}
            lastResult={actionData?.result}
            throttled={Boolean(
              actionData &&
              (("throttled" in actionData && actionData.throttled) || ("code" in actionData && actionData.code === "too_many_attempts")),
            )}
            sent={actionData && "notice" in actionData ? actionData.notice : null}
          />
          <PasskeySignIn challenge={passkey} support={passkeySupport} redirectTo={redirectTo} />
          <OAuthButtons providers={oauthProviders} redirectTo={redirectTo} divider={!passkeySupport.supported} />
        </>
      )}
    </AuthPage>
  );
}

type LastResult = NonNullable<ReturnType<typeof useActionData<typeof action>>>["result"];

function PasswordStep({
  redirectTo,
  lastResult,
  throttled,
  sent,
}: {
  redirectTo: string | null;
  lastResult?: LastResult;
  throttled: boolean;
  sent: string | null;
}) {
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "sign-in-password",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <Field
        label="Email"
        errors={fields.email.errors}
        inputProps={{
          ...getInputProps(fields.email, { type: "email" }),
          // "webauthn" lets the browser list this site's passkeys among the suggestions (others ignore it).
          autoComplete: "username webauthn",
          required: true,
        }}
      />
      <Field
        label="Password"
        errors={fields.password.errors}
        inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password", required: true }}
      />
      {throttled ? <ThrottledCode field={fields.code} sent={sent} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link to="/forgot-password" className={`${textLinkClass} text-sm`}>
          Forgot your password?
        </Link>
        <Button type="submit" name="intent" value="password" disabled={submitting}>
          {submitting ? "Signing in…" : "Sign in"}
        </Button>
      </div>
    </Form>
  );
}

/** While password sign-in is throttled, the owner signs in with the password plus a code from their inbox. */
function ThrottledCode({ field, sent }: { field: FieldMetadata<string | undefined>; sent: string | null }) {
  return (
    <div className="space-y-3 rounded-card border border-subtle p-4">
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <Field
        label="Sign-in code from your email"
        hint="Enter your password above, ask for a code, then enter it here and sign in."
        errors={field.errors}
        inputProps={{ ...getInputProps(field, { type: "text" }), autoComplete: "one-time-code", inputMode: "numeric" }}
      />
      <Button type="submit" name="intent" value="email-sign-in-code" variant="secondary" size="sm">
        Email me a sign-in code
      </Button>
    </div>
  );
}

function CodeStep({ redirectTo, lastResult, sent }: { redirectTo: string | null; lastResult?: LastResult; sent: string | null }) {
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "sign-in-code",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <Field
        label="Code"
        hint="From your authenticator app, a backup code, or the code we emailed you."
        errors={fields.code.errors}
        inputProps={{ ...getInputProps(fields.code, { type: "text" }), autoComplete: "one-time-code", inputMode: "text", autoFocus: true }}
      />
      <Button type="submit" name="intent" value="code" className="w-full" disabled={submitting}>
        Verify and sign in
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <Button type="submit" name="intent" value="email-code" variant="ghost" size="sm" formNoValidate>
          Email me a code
        </Button>
        <Button type="submit" name="intent" value="start-over" variant="ghost" size="sm" formNoValidate>
          Use another account
        </Button>
      </div>
    </Form>
  );
}
