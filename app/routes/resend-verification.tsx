import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { sendVerificationEmail } from "~/utils/accounts.server";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader() {
  return redirect("/");
}

/** The "resend" button of the verification banner: back to the page it was on, with the outcome. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const back = new URL(safeRedirect((await request.formData()).get("redirectTo"), "/settings/account"), request.url);
  try {
    await sendVerificationEmail(domainFrom(context), viewer.user);
    back.searchParams.set("verification", "sent");
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "too_many_emails") throw error;
    back.searchParams.set("verification", "limited");
  }
  return redirect(`${back.pathname}${back.search}`);
}
