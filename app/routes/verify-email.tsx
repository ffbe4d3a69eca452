import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { verifyEmail } from "~/utils/accounts.server";
import { AppError, domainFrom, requestMeta } from "~/utils/domain.server";
import { portalPathFor } from "~/utils/redirect";
import { getViewer } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Confirm your email — MegiLance" }];

/**
 * The emailed link verifies on arrival, then redirects to a token-free address, so a reload or a
 * revalidation never tries to spend the single-use token twice.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  if (token) {
    try {
      await verifyEmail(domainFrom(context), token.slice(0, 200), requestMeta(request));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: "invalid" as const, message: error.message, continueTo: null };
    }
    throw redirect("/verify-email?status=verified");
  }
  const viewer = await getViewer(request, context);
  const continueTo = viewer ? portalPathFor(viewer.user.roles) : null;
  if (url.searchParams.get("status") === "verified") return { status: "verified" as const, message: null, continueTo };
  return { status: "missing" as const, message: null, continueTo };
}

export default function VerifyEmail() {
  const { status, message, continueTo } = useLoaderData<typeof loader>();
  return (
    <AuthPage title="Confirm your email">
      {status === "verified" ? (
        <Alert tone="success" title="Your email address is confirmed">
          Thank you. You can now post projects, send proposals and move money on MegiLance.
        </Alert>
      ) : status === "invalid" ? (
        <Alert tone="danger" title="This link did not work">
          {message} Signed in, you can ask for a new link from the banner at the top of your portal.
        </Alert>
      ) : (
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the email again.
        </Alert>
      )}
      <p className="mt-6">
        {continueTo ? (
          <Link to={continueTo} className={buttonClass()}>
            Go to your portal
          </Link>
        ) : (
          <Link to="/sign-in" className={textLinkClass}>
            Sign in
          </Link>
        )}
      </p>
    </AuthPage>
  );
}
