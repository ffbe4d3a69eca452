import type { DomainContext } from "../domain/context";
import { flagAgingCardFunds } from "../domain/payments/stripe/hold-limit";
import { settleStripeBacklog } from "../domain/settlement/settle";

/** The daily card-payment step: finish Stripe work left over from failures, and flag aging held funds. */
export async function stripeDailyChecks(ctx: DomainContext): Promise<string> {
  if (!ctx.payments?.stripe) return "stripe not configured";
  const settled = await settleStripeBacklog(ctx);
  const { flagged } = await flagAgingCardFunds(ctx);
  return `stripe: ${settled.sent} sent, ${settled.failed} failed, ${settled.waiting} waiting; ${flagged} card payments near the 90-day limit`;
}
