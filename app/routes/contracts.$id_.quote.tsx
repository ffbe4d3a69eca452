import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { quoteMilestoneCharge } from "../../worker/domain/payments/quote";

const querySchema = z.object({ milestone: z.string().min(1).max(64), currency: z.string().trim().min(3).max(3) });

/** The "Pay in" quote of the contract page: what funding a milestone charges in the chosen currency, right now. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ quote: null, error: "Pick a currency." }, { status: 422 });
  try {
    const quote = await quoteMilestoneCharge(domainFrom(context), viewer.user, parsed.data.milestone, parsed.data.currency);
    return Response.json({ quote, error: null });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json({ quote: null, error: error.message }, { status: error.status });
  }
}

/**
 * A quote is asked for when a currency is picked, never again after an action elsewhere on the page: after "Sign out"
 * it would find no session, and a fetcher that gets a redirect moves the whole page to the sign-in form.
 */
export const shouldRevalidate: ShouldRevalidateFunction = () => false;
