import type { User } from "../../../../db/schema";
import type { DomainContext } from "../../context";
import { AppError } from "../../errors";
import { fundMilestone } from "../fund";
import { stripeOrUnavailable } from "./connect";

export interface CardPaymentStep {
  paymentId: string;
  clientSecret: string;
  publishableKey: string;
}

/**
 * What the client's card form needs for a milestone: a new card payment, or the one already under way
 * (a reload, a second tab), resumed from its PaymentIntent so the client is never stuck or charged twice.
 */
export async function cardPaymentStep(ctx: DomainContext, actor: User, milestoneId: string): Promise<CardPaymentStep> {
  const stripe = stripeOrUnavailable(ctx);
  // Without an Idempotency-Key, funding a milestone with a live payment answers that payment.
  const result = await fundMilestone(ctx, actor, milestoneId, { provider: "stripe" });
  const { payment } = result;
  const next = result.nextAction as { clientSecret?: string } | null;
  if (next?.clientSecret) return { paymentId: payment.id, clientSecret: next.clientSecret, publishableKey: stripe.publishableKey };
  if (payment.provider === "stripe" && payment.status === "pending" && payment.providerRef) {
    return {
      paymentId: payment.id,
      clientSecret: await stripe.paymentIntentSecret(payment.providerRef),
      publishableKey: stripe.publishableKey,
    };
  }
  throw new AppError(409, "invalid_state", "This milestone is already funded, or a payment by another method is under way.");
}
