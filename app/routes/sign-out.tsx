import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form } from "@remix-run/react";
import { AuthPage } from "~/components/auth-page";
import { Button } from "~/components/ui/button";
import { revokeSession } from "~/utils/accounts.server";
import { domainFrom } from "~/utils/domain.server";
import { clearSessionCookie, getViewer } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Sign out — MegiLance" }];

/** Signing out changes state, so it is a POST; a plain visit offers the button. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await getViewer(request, context))) throw redirect("/sign-in");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) await revokeSession(domainFrom(context), viewer.session.id);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}

export default function SignOut() {
  return (
    <AuthPage title="Sign out" intro="This ends your session on this device.">
      <Form method="post">
        <Button type="submit">Sign out</Button>
      </Form>
    </AuthPage>
  );
}
