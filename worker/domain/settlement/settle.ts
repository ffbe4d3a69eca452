import { and, eq, sql } from "drizzle-orm";
import { payments, stripeCharges, stripeTransfers } from "../../../db/schema";
import type { DomainContext } from "../context";
import { cardFundingOf } from "./charges";
import { pendingReturns, recordReturns, sendReturn } from "./returns";
import { recordTransfers, sendTransfer } from "./transfers";

export interface SettleResult {
  sent: number;
  failed: number;
  /** Releases or refunds that cannot go out yet (no connected account, no transfer to reverse). */
  waiting: number;
}

const NOTHING: SettleResult = { sent: 0, failed: 0, waiting: 0 };

/**
 * Brings Stripe in line with the ledger for one card-funded milestone. The ledger is the outbox: every
 * release becomes one transfer and every refund one refund (or reversal), each written once and sent with
 * a fixed idempotency key, so running this again (after a failure, from the queue or the daily sweep) only
 * finishes what is left.
 */
export async function settleStripeMilestone(ctx: DomainContext, milestoneId: string): Promise<SettleResult> {
  const stripe = ctx.payments?.stripe;
  if (!stripe) return NOTHING;
  const funding = await cardFundingOf(ctx, milestoneId);
  if (!funding) return NOTHING;
  const transfersWaiting = (await recordTransfers(ctx, funding)).waiting;
  const returnsWaiting = (await recordReturns(ctx, funding)).waiting;
  const result = { sent: 0, failed: 0, waiting: transfersWaiting + returnsWaiting };
  const transfers = await ctx.db
    .select()
    .from(stripeTransfers)
    .where(and(eq(stripeTransfers.paymentId, funding.payment.id), eq(stripeTransfers.status, "pending")));
  for (const t of transfers) {
    if (await sendTransfer(ctx, stripe, t)) result.sent++;
    else result.failed++;
  }
  // Reversals need their transfer sent; fresh ones may have become possible just now.
  if (transfers.length > 0 && returnsWaiting > 0) result.waiting = transfersWaiting + (await recordReturns(ctx, funding)).waiting;
  for (const r of await pendingReturns(ctx, funding.payment.id)) {
    if (await sendReturn(ctx, stripe, r)) result.sent++;
    else result.failed++;
  }
  return result;
}

/**
 * Called after money held for milestones moved: settles card-funded ones with Stripe at once. A failure
 * never undoes the movement (it is committed); the work goes to the jobs queue and the daily sweep.
 */
export async function settleAfterMovement(ctx: DomainContext, milestoneIds: string[]): Promise<void> {
  const stripe = ctx.payments?.stripe;
  if (!stripe) return;
  for (const milestoneId of milestoneIds) {
    try {
      const result = await settleStripeMilestone(ctx, milestoneId);
      if (result.failed > 0) await stripe.settleLater(milestoneId);
    } catch (error) {
      ctx.log("stripe settlement failed, queued for retry", { milestoneId, error: String(error) });
      await stripe.settleLater(milestoneId).catch((e) => ctx.log("could not queue stripe settlement", { milestoneId, error: String(e) }));
    }
  }
}

const SWEEP_BATCH = 200;

/** The daily safety net: every card-funded milestone with a release or refund not yet finished at Stripe. */
export async function settleStripeBacklog(ctx: DomainContext): Promise<SettleResult> {
  if (!ctx.payments?.stripe) return NOTHING;
  const rows = await ctx.db
    .select({ milestoneId: payments.milestoneId })
    .from(payments)
    .innerJoin(stripeCharges, eq(stripeCharges.paymentId, payments.id))
    .where(
      and(
        eq(payments.provider, "stripe"),
        eq(payments.status, "succeeded"),
        sql`(
          exists (select 1 from stripe_transfers t where t.payment_id = ${payments.id} and t.status = 'pending')
          or exists (select 1 from stripe_returns r where r.payment_id = ${payments.id} and r.status = 'pending')
          or exists (select 1 from ledger_transactions l where l.milestone_id = ${payments.milestoneId} and l.kind = 'release'
                     and not exists (select 1 from stripe_transfers t2 where t2.release_transaction_id = l.id))
          or exists (select 1 from ledger_transactions l where l.milestone_id = ${payments.milestoneId} and l.kind = 'refund'
                     and not exists (select 1 from stripe_returns r2 where r2.ledger_transaction_id = l.id))
        )`,
      ),
    )
    .limit(SWEEP_BATCH);
  const total = { ...NOTHING };
  for (const { milestoneId } of rows) {
    try {
      const r = await settleStripeMilestone(ctx, milestoneId);
      total.sent += r.sent;
      total.failed += r.failed;
      total.waiting += r.waiting;
    } catch (error) {
      total.failed++;
      ctx.log("stripe sweep failed for a milestone", { milestoneId, error: String(error) });
    }
  }
  return total;
}
