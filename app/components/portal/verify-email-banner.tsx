import { Form, useLocation, useSearchParams } from "@remix-run/react";

/** Shown in the portals until the address is confirmed; "resend" works without JavaScript. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const location = useLocation();
  const [params] = useSearchParams();
  const status = params.get("verification");
  return (
    <div
      role="status"
      className="border-b border-amber-500/50 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2">
        <p className="flex-1">
          Please confirm your email address. We sent a link to <span className="font-semibold">{email}</span>.
          {status === "sent" ? " A new link is on its way." : null}
          {status === "limited" ? " We already sent several links in the last hour; please check your inbox." : null}
        </p>
        <Form method="post" action="/resend-verification">
          <input type="hidden" name="redirectTo" value={location.pathname} />
          <button
            type="submit"
            className="rounded-control border border-amber-700/50 px-3 py-1.5 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
          >
            Resend the email
          </button>
        </Form>
      </div>
    </div>
  );
}
