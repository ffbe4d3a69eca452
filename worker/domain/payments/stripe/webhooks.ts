import { and, eq } from "drizzle-orm";
import { contracts, milestones, payments, stripeCharges, stripeEvents, type Payment } from "../../../../db/schema";
import type { DomainContext } from "../../context";
import { AppError } from "../../errors";
import { recordEvent } from "../../ops/audit";
import { confirmPayment } from "../confirm";
import { accountUpdated } from "./connect";
import type { StripeEvent, StripeGateway } from "./gateway";
import { settleAfterMovement } from "./settle";

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

/** Whether a failed payment may still be credited: its milestone waits for money and nothing else pays it. */
async function canRevive(ctx: DomainContext, payment: Payment): Promise<boolean> {
  const [row] = await ctx.db
    .select({ contract: contracts.status, milestone: milestones.status })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, payment.milestoneId))
    .limit(1);
  return !!row && (row.contract === "offered" || row.contract === "active") && row.milestone === "pending";
}

/**
 * The card was charged. Credits the funds held for the milestone through confirmPayment (once, however
 * often the event comes). A payment that failed earlier (the client retried the card) is credited if its
 * milestone still waits for it; a charge nobody can use any more (contract closed) goes back to the card.
 */
async function intentSucceeded(ctx: DomainContext, stripe: StripeGateway, intent: StripeObject): Promise<void> {
  const payment = await paymentOfIntent(ctx, intent.id);
  if (!payment) {
    ctx.log("stripe payment_intent.succeeded for an unknown payment", { intentId: intent.id });
    return;
  }
  const chargeId = idOf(intent.latest_charge);
  if (!chargeId) throw new AppError(400, "bad_event", "A succeeded PaymentIntent without a charge.");
  await ctx.db
    .insert(stripeCharges)
    .values({ paymentId: payment.id, paymentIntentId: intent.id, chargeId, createdAt: ctx.clock.now() })
    .onConflictDoNothing();
  if (payment.status === "failed" && (await canRevive(ctx, payment))) {
    try {
      await ctx.db
        .update(payments)
        .set({ status: "pending" })
        .where(and(eq(payments.id, payment.id), eq(payments.status, "failed")));
    } catch (error) {
      ctx.log("a later payment holds the milestone; refunding this charge", { paymentId: payment.id, error: String(error) });
    }
  }
  const confirmed = await confirmPayment(ctx, intent.id);
  if (confirmed.payment.status === "succeeded") {
    // Settles anything recorded before the charge was known (e.g. events that arrived out of order).
    if (!confirmed.credited) await settleAfterMovement(ctx, [payment.milestoneId]);
    return;
  }
  await stripe.refundCharge({
    charge: chargeId,
    amount: payment.amount,
    metadata: { payment_id: payment.id, reason: "payment arrived after the milestone no longer needed it" },
    idempotencyKey: `late-refund:${payment.id}`,
  });
  await recordEvent(ctx, {
    type: "money.stripe_late_refund",
    subjectType: "payment",
    subjectId: payment.id,
    data: { chargeId, amount: payment.amount, currency: payment.currency, status: confirmed.payment.status },
  });
}

/** The card was declined: the payment stops being live, so the client can try again. Late news changes nothing. */
async function intentFailed(ctx: DomainContext, intent: StripeObject): Promise<void> {
  const payment = await paymentOfIntent(ctx, intent.id);
  if (!payment) return;
  await ctx.db
    .update(payments)
    .set({ status: "failed" })
    .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")));
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
      await intentSucceeded(ctx, stripe, object);
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
