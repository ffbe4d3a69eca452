import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { unsubscribeDigest } from "../../worker/domain/saved-searches/unsubscribe";
import { AuthPage, textLinkClass } from "~/components/auth-page";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { AppError, domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "Daily digest stopped — MegiLance" }];

/** The link in a saved search's daily digest: stops that digest without signing in (the link is signed), and says so. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { status: "missing" as const, name: null, message: null };
  try {
    const { name } = await unsubscribeDigest(domainFrom(context), token.slice(0, 1000));
    return { status: "done" as const, name, message: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: "invalid" as const, name: null, message: error.message };
  }
}

export default function UnsubscribeDigest() {
  const { status, name, message } = useLoaderData<typeof loader>();
  return (
    <AuthPage title="Saved search digest">
      {status === "done" ? (
        <Alert tone="success" title="You will get no more daily e-mails for this search">
          {name
            ? `“${name}” stays in your saved searches with its alerts off; switch them on again there whenever you like.`
            : "That saved search was deleted, so nothing more will be sent for it."}
        </Alert>
      ) : status === "invalid" ? (
        <Alert tone="danger" title="This link did not work">
          {message} Signed in, you can change every saved search's alerts on your saved searches page.
        </Alert>
      ) : (
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the e-mail again.
        </Alert>
      )}
      <p className="mt-6 flex flex-wrap gap-3">
        <Link to="/freelancer/saved-searches" className={buttonClass()}>
          Manage saved searches
        </Link>
        <Link to="/" className={textLinkClass}>
          MegiLance home
        </Link>
      </p>
    </AuthPage>
  );
}
