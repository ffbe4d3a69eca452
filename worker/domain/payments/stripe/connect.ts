import { and, eq, isNull, sql } from "drizzle-orm";
import { contracts, ledgerTransactions, payments, stripeAccounts, stripeTransfers, type User } from "../../../../db/schema";
import type { DomainContext } from "../../context";
import { AppError } from "../../errors";
import { recordEvent } from "../../shared/audit";
import type { StripeGateway } from "../../settlement/gateway";
import { settleAfterMovement } from "../../settlement/settle";

export const CONNECT_RETURN_PATH = "/settings/payouts";

export interface ConnectStatus {
  /** Stripe is configured on this server. */
  available: boolean;
  connected: boolean;
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}

export const STRIPE_NOT_CONFIGURED = "Card payments (Stripe) are not configured on this server.";

export function stripeOrUnavailable(ctx: DomainContext): StripeGateway {
  const stripe = ctx.payments?.stripe;
  if (!stripe) {
    throw new AppError(422, "provider_unavailable", STRIPE_NOT_CONFIGURED);
  }
  return stripe;
}

export async function connectStatus(ctx: DomainContext, userId: string): Promise<ConnectStatus> {
  const [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, userId)).limit(1);
  return {
    available: !!ctx.payments?.stripe,
    connected: !!account,
    detailsSubmitted: account?.detailsSubmitted ?? false,
    payoutsEnabled: account?.payoutsEnabled ?? false,
  };
}

/**
 * A freelancer's way to be paid by card-funded contracts: an Express account (created once; Stripe's
 * idempotency key makes a racing second click get the same account) and a fresh onboarding link to it.
 */
export async function startConnectOnboarding(ctx: DomainContext, actor: User): Promise<{ url: string }> {
  const stripe = stripeOrUnavailable(ctx);
  if (!actor.roles.includes("freelancer")) throw new AppError(403, "forbidden", "Only freelancers connect a Stripe account for payouts.");
  let [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, actor.id)).limit(1);
  if (!account) {
    const created = await stripe.createExpressAccount({
      email: actor.email,
      metadata: { user_id: actor.id },
      idempotencyKey: `connect-account:${actor.id}`,
    });
    const now = ctx.clock.now();
    await ctx.db
      .insert(stripeAccounts)
      .values({ userId: actor.id, accountId: created.id, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, actor.id)).limit(1);
    await recordEvent(ctx, { type: "money.stripe_account_created", actorId: actor.id, subjectType: "user", subjectId: actor.id });
  }
  const back = `${ctx.config.appOrigin}${CONNECT_RETURN_PATH}`;
  return stripe.createAccountLink({ account: account.accountId, refreshUrl: `${back}?refresh=1`, returnUrl: back });
}

/** Card-funded milestones of this freelancer with a release not yet transferred. */
async function untransferredMilestones(ctx: DomainContext, userId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ milestoneId: ledgerTransactions.milestoneId })
    .from(ledgerTransactions)
    .innerJoin(contracts, eq(contracts.id, ledgerTransactions.contractId))
    .innerJoin(
      payments,
      and(eq(payments.milestoneId, ledgerTransactions.milestoneId), eq(payments.provider, "stripe"), eq(payments.status, "succeeded")),
    )
    .leftJoin(stripeTransfers, eq(stripeTransfers.releaseTransactionId, ledgerTransactions.id))
    .where(and(eq(contracts.freelancerId, userId), eq(ledgerTransactions.kind, "release"), isNull(stripeTransfers.id)));
  return rows.flatMap((r) => (r.milestoneId ? [r.milestoneId] : []));
}

/**
 * Stripe's news about a connected account. Applied only when newer than what is stored (events can come out
 * of order); once payouts are enabled, releases that waited for the account are transferred.
 */
export async function accountUpdated(ctx: DomainContext, account: Record<string, unknown> & { id: string }, at: Date): Promise<void> {
  const payoutsEnabled = account.payouts_enabled === true;
  const [updated] = await ctx.db
    .update(stripeAccounts)
    .set({ payoutsEnabled, detailsSubmitted: account.details_submitted === true, stateAt: at, updatedAt: ctx.clock.now() })
    .where(
      and(
        eq(stripeAccounts.accountId, account.id),
        sql`(${stripeAccounts.stateAt} is null or ${stripeAccounts.stateAt} <= ${at.getTime()})`,
      ),
    )
    .returning();
  if (!updated?.payoutsEnabled) return;
  await settleAfterMovement(ctx, await untransferredMilestones(ctx, updated.userId));
}
