import { and, asc, eq, lt, sql } from "drizzle-orm";
import { contracts, cryptoTransfers, payments, type Contract, type Payment, type User } from "../../../db/schema";
import { requireParty } from "../contract-core/access";
import { contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch, isChangedMeanwhile } from "../ledger/batch";
import { milestoneForParty, wrongState } from "../milestones/access";
import { toMilestoneView, type MilestoneView } from "../milestones/view";
import { auditStatement } from "../shared/audit";
import { PROVIDER_NAMES, toPaymentView } from "./fund";
import type { StripeEvent } from "../settlement/gateway";
import { paymentIntentSucceeded } from "./stripe/webhooks";

/** A payment nobody finished is cancelled by the hourly task this long after it started. */
export const PENDING_PAYMENT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A payment its provider has not answered for yet may still be starting; it is left alone this long. */
export const PAYMENT_STARTING_GRACE_MS = 5 * 60 * 1000;
/** How many expired payments one hourly run handles at most; the rest wait for the next run. */
const SWEEP_LIMIT = 500;
const STALE_RETRIES = 3;

export type CancelReason = "client" | "expired";

export interface CancelResult {
  payment: ReturnType<typeof toPaymentView>;
  milestone: MilestoneView;
  /** True when the payment was already cancelled (a retried request). */
  replayed: boolean;
}

/** What the provider says about letting a pending payment go. */
type ProviderAnswer =
  | { state: "released" }
  /** The money already moved; for a card payment, the intent as Stripe has it (with its charge). */
  | { state: "went_through"; error: AppError; intent?: StripeEvent["data"]["object"] }
  /** The provider cannot tell yet (a payment being started, a card payment processing). */
  | { state: "busy"; error: AppError };

const paymentNotFound = () => new AppError(404, "not_found", "No such payment.");

function wentThrough(payment: Payment): AppError {
  return new AppError(
    409,
    "payment_succeeded",
    payment.status === "succeeded"
      ? "This payment already went through: the funds are held for the milestone. To get money back, refund the held funds instead."
      : `This payment with ${PROVIDER_NAMES[payment.provider]} already went through, so it can no longer be cancelled. The milestone shows as funded as soon as the provider's confirmation arrives.`,
  );
}

/** Asks the provider to drop the payment, if it still can. Nothing is written here. */
async function releaseAtProvider(ctx: DomainContext, payment: Payment): Promise<ProviderAnswer> {
  if (payment.provider === "usdc") {
    // A USDC payment is only a promise until a verified transfer is recorded against it.
    const [transfer] = await ctx.db
      .select({ id: cryptoTransfers.id })
      .from(cryptoTransfers)
      .where(eq(cryptoTransfers.paymentId, payment.id))
      .limit(1);
    return transfer ? { state: "went_through", error: wentThrough(payment) } : { state: "released" };
  }
  if (payment.provider === "sandbox") return { state: "released" };

  if (!payment.providerRef) {
    // No PaymentIntent id was stored: either the start is still under way, or it died before Stripe's answer was
    // kept, in which case no browser ever received a client secret for it and no card can be charged through it.
    const age = ctx.clock.now().getTime() - payment.createdAt.getTime();
    if (age < PAYMENT_STARTING_GRACE_MS)
      return {
        state: "busy",
        error: new AppError(409, "payment_starting", "This card payment is still being started. Try again in a minute."),
      };
    return { state: "released" };
  }
  const stripe = ctx.payments?.stripe;
  if (!stripe) {
    throw new AppError(
      422,
      "provider_unavailable",
      "Card payments (Stripe) are not configured on this server, so this card payment cannot be cancelled here.",
    );
  }
  let intent;
  try {
    intent = await stripe.cancelPaymentIntent(payment.providerRef);
  } catch (error) {
    ctx.log("stripe refused or failed to cancel a payment intent", { paymentId: payment.id, error: String(error) });
    throw new AppError(502, "provider_error", "Stripe did not confirm the cancellation. Nothing changed; please try again.");
  }
  if (intent.status === "canceled") return { state: "released" };
  if (intent.status === "succeeded") return { state: "went_through", error: wentThrough(payment), intent };
  if (intent.status === "processing") {
    return {
      state: "busy",
      error: new AppError(
        409,
        "payment_processing",
        "The bank is processing this card payment, so it cannot be cancelled now. It will either go through or fail shortly.",
      ),
    };
  }
  throw new AppError(
    502,
    "provider_error",
    `Stripe could not cancel this card payment (${intent.status}). Nothing changed; please try again.`,
  );
}

/**
 * The contract's version bump for this write, made to fail unless the payment is still pending: a payment that
 * left `pending` meanwhile (a webhook credited it, a decline or another cancel came first) makes the version jump
 * by two from the row's current value, which the version guard (migrations/0005_money_guards.sql) refuses, so the
 * whole batch rolls back. (Two from the value read earlier would not do: after the other writer's bump it is one.)
 */
function bumpIfStillPending(ctx: DomainContext, contract: Contract, paymentId: string) {
  return ctx.db
    .update(contracts)
    .set({
      version: sql`case when exists (select 1 from ${payments} where ${payments.id} = ${paymentId} and ${payments.status} = 'pending') then ${contract.version + 1} else ${contracts.version} + 2 end`,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(contracts.id, contract.id));
}

/**
 * One atomic write: the payment becomes cancelled, with its timeline event and audit, only if it is still
 * pending. Answers true when this call cancelled it, false when something else changed it first.
 */
export async function markCancelled(ctx: DomainContext, payment: Payment, actorId: string | null, reason: CancelReason): Promise<boolean> {
  const data = { paymentId: payment.id, provider: payment.provider, amount: payment.amount, currency: payment.currency, cause: reason };
  for (let attempt = 1; ; attempt++) {
    const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, payment.contractId)).limit(1);
    try {
      await commitMoneyBatch(ctx, [
        bumpIfStillPending(ctx, contract, payment.id),
        ctx.db
          .update(payments)
          .set({ status: "cancelled" })
          .where(and(eq(payments.id, payment.id), eq(payments.status, "pending"))),
        contractEventStatement(ctx, {
          contractId: payment.contractId,
          milestoneId: payment.milestoneId,
          type: "milestone.funding_cancelled",
          actorId,
          data,
        }),
        auditStatement(ctx, { type: "money.payment_cancelled", actorId, subjectType: "payment", subjectId: payment.id, data }),
      ]);
      return true;
    } catch (error) {
      if (!isChangedMeanwhile(error)) throw error;
      const [now] = await ctx.db.select({ status: payments.status }).from(payments).where(eq(payments.id, payment.id)).limit(1);
      if (now.status !== "pending") return false;
      // Only the contract moved (e.g. another milestone was funded): read it again and retry.
      if (attempt >= STALE_RETRIES) throw error;
    }
  }
}

async function result(ctx: DomainContext, actor: User, paymentId: string, replayed: boolean): Promise<CancelResult> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  const access = await milestoneForParty(ctx, payment.milestoneId, actor.id);
  return { payment: toPaymentView(payment), milestone: toMilestoneView(access.milestone, access.funds), replayed };
}

/**
 * The client drops a payment they started and did not finish (a card form left open, USDC never sent), so
 * the milestone can be paid another way. The provider is asked first: a card payment is cancelled at Stripe
 * before anything is written, and one that already went through is never cancelled. Repeating is harmless.
 */
export async function cancelPayment(ctx: DomainContext, actor: User, paymentId: string): Promise<CancelResult> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!payment) throw paymentNotFound();
  let access;
  try {
    access = await milestoneForParty(ctx, payment.milestoneId, actor.id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw paymentNotFound();
    throw error;
  }
  requireParty(access, "client", "cancel a payment");
  if (payment.payerId !== actor.id) throw new AppError(403, "wrong_party", "Only the client who started this payment can cancel it.");

  if (payment.status === "cancelled") return result(ctx, actor, payment.id, true);
  if (payment.status === "succeeded") throw wentThrough(payment);
  if (payment.status === "failed")
    throw wrongState("This payment already failed, so there is nothing to cancel: pay the milestone any way you like.");

  const answer = await releaseAtProvider(ctx, payment);
  if (answer.state !== "released") throw answer.error;
  if (await markCancelled(ctx, payment, actor.id, "client")) return result(ctx, actor, payment.id, false);

  // Something else settled the payment between our read and our write.
  const [now] = await ctx.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1);
  if (now.status === "cancelled") return result(ctx, actor, payment.id, true);
  if (now.status === "succeeded") throw wentThrough(now);
  throw wrongState("This payment failed meanwhile, so there is nothing to cancel: pay the milestone any way you like.");
}

export interface ExpirySummary {
  expired: number;
  /** Card payments found paid at Stripe whose confirmation had not arrived: handled as the webhook would. */
  confirmed: number;
  /** Left for a later run: still starting, or processing at the bank. */
  waiting: number;
  failed: number;
}

/**
 * The hourly sweep: payments still pending a day after they started are cancelled at their provider and
 * here, exactly as a client's cancel would do. Idempotent: a cancelled payment is no longer pending.
 */
export async function expireAbandonedPayments(ctx: DomainContext): Promise<ExpirySummary> {
  const cutoff = new Date(ctx.clock.now().getTime() - PENDING_PAYMENT_LIFETIME_MS);
  const stale = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.status, "pending"), lt(payments.createdAt, cutoff)))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(SWEEP_LIMIT);
  const summary: ExpirySummary = { expired: 0, confirmed: 0, waiting: 0, failed: 0 };
  for (const payment of stale) {
    try {
      const answer = await releaseAtProvider(ctx, payment);
      if (answer.state === "released") {
        if (await markCancelled(ctx, payment, null, "expired")) summary.expired++;
      } else if (answer.state === "went_through" && answer.intent && ctx.payments?.stripe) {
        // Stripe took the money but its webhook never reached us: handle the success the same way now.
        ctx.log("expiry found a card payment already paid at Stripe", { paymentId: payment.id });
        await paymentIntentSucceeded(ctx, ctx.payments.stripe, answer.intent);
        summary.confirmed++;
      } else summary.waiting++;
    } catch (error) {
      summary.failed++;
      ctx.log("could not expire a pending payment; the next run tries again", { paymentId: payment.id, error: String(error) });
    }
  }
  return summary;
}

export function describeExpiry(s: ExpirySummary): string {
  return `expired ${s.expired} abandoned payments (${s.confirmed} found paid, ${s.waiting} waiting, ${s.failed} failed)`;
}
