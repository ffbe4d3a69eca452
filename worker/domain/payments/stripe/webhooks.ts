import { and, eq, inArray, sql } from "drizzle-orm";
import { contracts, events, milestones, payments, stripeCharges, stripeEvents, type Payment } from "../../../../db/schema";
import type { DomainContext } from "../../context";
import { AppError } from "../../errors";
import { recordEvent } from "../../shared/audit";
import { confirmPayment } from "../confirm";
import { tellPaymentFailed } from "../notify";
import { accountUpdated } from "./connect";
import type { StripeEvent, StripeGateway } from "../../settlement/gateway";
import { settleAfterMovement } from "../../settlement/settle";

type StripeObject = StripeEvent["data"]["object"];

const idOf = (value: unknown): string | null =>
  typeof value === "string" ? value : value && typeof value === "object" && "id" in value ? String(value.id) : null;

async function paymentOfIntent(ctx: DomainContext, intentId: string): Promise<Payment | null> {
  const [payment] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, "stripe"), eq(payments.providerRef, intentId)))
    .limit(1);
  return payment ?? null;
}

/**
 * A payment that failed or was cancelled, whose money arrived anyway, becomes pending again (to be credited)
 * only if its contract is open, its milestone still waits for money and no other payment for it is live.
 * Another payment under way wins, and this charge is refunded instead (023-abandoned-payments.md).
 */
function reviveStatement(ctx: DomainContext, payment: Payment) {
  return ctx.db
    .update(payments)
    .set({ status: "pending" })
    .where(
      and(
        eq(payments.id, payment.id),
        inArray(payments.status, ["failed", "cancelled"]),
        sql`not exists (select 1 from ${payments} as other where other.milestone_id = ${payment.milestoneId} and other.status in ('pending', 'succeeded'))`,
        sql`exists (select 1 from ${milestones} join ${contracts} on ${contracts.id} = ${milestones.contractId} where ${milestones.id} = ${payment.milestoneId} and ${milestones.status} = 'pending' and ${contracts.status} in ('offered', 'active'))`,
      ),
    )
    .returning({ id: payments.id });
}

/**
 * Records the charge the first time a success is seen for the payment, and in the same atomic write decides,
 * once and for all, whether a failed or cancelled payment is revived. A later delivery (or a racing twin)
 * finds the charge recorded and follows that decision, so a charge refunded once is never credited later.
 */
async function recordChargeAndRevive(ctx: DomainContext, payment: Payment, intentId: string, chargeId: string): Promise<boolean> {
  const [known] = await ctx.db.select({ id: stripeCharges.paymentId }).from(stripeCharges).where(eq(stripeCharges.paymentId, payment.id));
  if (known) return false;
  try {
    const [, revived] = (await ctx.db.batch([
      ctx.db.insert(stripeCharges).values({ paymentId: payment.id, paymentIntentId: intentId, chargeId, createdAt: ctx.clock.now() }),
      reviveStatement(ctx, payment),
    ])) as [unknown, { id: string }[]];
    return revived.length > 0;
  } catch (error) {
    const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
    if (/UNIQUE constraint failed: stripe_charges\./.test(message)) return false;
    throw error;
  }
}

/**
 * The card was charged. Credits the funds held for the milestone through confirmPayment (once, however
 * often the event comes). A payment that failed or was cancelled earlier (the client retried the card, or the
 * money came after a cancel) is credited if its milestone still waits for it; a charge nobody can use any more
 * (contract closed, milestone paid or being paid another way) goes back to the card, once.
 * The hourly expiry calls this too, for a card payment it finds already paid at Stripe.
 */
export async function paymentIntentSucceeded(ctx: DomainContext, stripe: StripeGateway, intent: StripeObject): Promise<void> {
  const payment = await paymentOfIntent(ctx, intent.id);
  if (!payment) {
    ctx.log("stripe payment_intent.succeeded for an unknown payment", { intentId: intent.id });
    return;
  }
  const chargeId = idOf(intent.latest_charge);
  if (!chargeId) throw new AppError(400, "bad_event", "A succeeded PaymentIntent without a charge.");
  const revived = await recordChargeAndRevive(ctx, payment, intent.id, chargeId);
  if (revived && payment.status === "cancelled") {
    await recordEvent(ctx, {
      type: "money.payment_revived",
      subjectType: "payment",
      subjectId: payment.id,
      data: { chargeId, amount: payment.amount, currency: payment.currency, milestoneId: payment.milestoneId },
    });
  }
  const confirmed = await confirmPayment(ctx, intent.id);
  if (confirmed.payment.status === "succeeded") {
    // Settles anything recorded before the charge was known (e.g. events that arrived out of order).
    if (!confirmed.credited) await settleAfterMovement(ctx, [payment.milestoneId]);
    return;
  }
  // Refunded once: Stripe's idempotency key covers a day, our record of the refund covers every later repeat.
  const [refunded] = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.subjectType, "payment"), eq(events.subjectId, payment.id), eq(events.type, "money.stripe_late_refund")))
    .limit(1);
  if (refunded) return;
  // The charge was in the paying currency when the client paid in another one (a locked rate).
  const charged = payment.paidAmount ?? payment.amount;
  await stripe.refundCharge({
    charge: chargeId,
    amount: charged,
    metadata: { payment_id: payment.id, reason: "payment arrived after the milestone no longer needed it" },
    idempotencyKey: `late-refund:${payment.id}`,
  });
  await recordEvent(ctx, {
    type: "money.stripe_late_refund",
    subjectType: "payment",
    subjectId: payment.id,
    data: { chargeId, amount: charged, currency: payment.paidCurrency ?? payment.currency, status: confirmed.payment.status },
  });
}

/** The card was declined: the payment stops being live, so the client can try again. Late news changes nothing. */
async function intentFailed(ctx: DomainContext, intent: StripeObject): Promise<void> {
  const payment = await paymentOfIntent(ctx, intent.id);
  if (!payment) return;
  const failed = await ctx.db
    .update(payments)
    .set({ status: "failed" })
    .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
    .returning({ id: payments.id });
  // Told once: a repeated or late event changes nothing, so it says nothing either.
  if (failed.length > 0) await tellPaymentFailed(ctx, payment, declineReason(intent));
}

function declineReason(intent: StripeObject): string | null {
  const error = (intent as { last_payment_error?: { message?: unknown } | null }).last_payment_error;
  return typeof error?.message === "string" && error.message ? error.message.slice(0, 300) : null;
}

/** Stripe's running total of what was refunded on a charge; only ever grows, whatever order events come in. */
async function chargeRefunded(ctx: DomainContext, charge: StripeObject): Promise<void> {
  const refunded = Number(charge.amount_refunded ?? 0);
  const [row] = await ctx.db.select().from(stripeCharges).where(eq(stripeCharges.chargeId, charge.id)).limit(1);
  if (!row || refunded <= row.amountRefunded) return;
  await ctx.db.update(stripeCharges).set({ amountRefunded: refunded }).where(eq(stripeCharges.chargeId, charge.id));
}

/**
 * One verified webhook event, handled at most once by id. The id is stored only after its handler
 * finished, so an event that failed midway is handled again on Stripe's retry; handlers are idempotent.
 */
export async function handleStripeEvent(ctx: DomainContext, stripe: StripeGateway, event: StripeEvent): Promise<{ duplicate: boolean }> {
  const [seen] = await ctx.db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).limit(1);
  if (seen) return { duplicate: true };
  const object = event.data.object;
  switch (event.type) {
    case "payment_intent.succeeded":
      await paymentIntentSucceeded(ctx, stripe, object);
      break;
    case "payment_intent.payment_failed":
      await intentFailed(ctx, object);
      break;
    case "charge.refunded":
      await chargeRefunded(ctx, object);
      break;
    case "account.updated":
      await accountUpdated(ctx, object, new Date(event.created * 1000));
      break;
    default:
      break;
  }
  const stored = await ctx.db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000), receivedAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  return { duplicate: stored.length === 0 };
}
