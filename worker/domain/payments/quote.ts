import type { User } from "../../../db/schema";
import { requireParty } from "../contract-core/access";
import type { DomainContext } from "../context";
import { quoteCharge, type ChargeQuote } from "../currency/payable";
import { milestoneForParty } from "../milestones/access";

/**
 * What funding this milestone would charge the client in `currency` right now, and at which rate: shown
 * before they confirm, and checked again when they do (fundMilestone's `chargedAmount`).
 */
export async function quoteMilestoneCharge(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  currency?: string | null,
): Promise<ChargeQuote> {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "client", "fund milestones");
  return quoteCharge(ctx, access.milestone, currency);
}
