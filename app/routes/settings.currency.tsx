import { redirect, type ActionFunctionArgs } from "@remix-run/cloudflare";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { setPreferredCurrency } from "../../worker/domain/currency/preference";

/** Saves the preferred display currency from the account settings page, then goes back there. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const code = (await request.formData()).get("currency");
  try {
    await setPreferredCurrency(domainFrom(context), viewer.user, typeof code === "string" ? code : null);
  } catch (error) {
    if (error instanceof AppError) throw new Response(error.message, { status: error.status });
    throw error;
  }
  return redirect("/settings/account?currency=saved");
}

export async function loader() {
  return redirect("/settings/account");
}
