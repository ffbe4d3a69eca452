import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { setTimeZone } from "../../worker/domain/time/preference";

/** Saves the time zone from the account settings page (or goes back to following the browser), then returns there. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const chosen = form.get("timeZone");
  const timeZone = form.get("intent") === "browser" ? null : typeof chosen === "string" ? chosen : "";
  try {
    await setTimeZone(domainFrom(context), viewer.user, { timeZone });
  } catch (error) {
    if (error instanceof AppError && error.status === 422) return redirect("/settings/account?timeZone=invalid#time-zone");
    throw error;
  }
  return redirect("/settings/account?timeZone=saved#time-zone");
}

export async function loader() {
  return redirect("/settings/account");
}
