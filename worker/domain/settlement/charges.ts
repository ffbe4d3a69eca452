import { and, eq } from "drizzle-orm";
import { payments, stripeCharges, type Payment, type StripeCharge } from "../../../db/schema";
import type { DomainContext } from "../context";

/** A milestone's confirmed card payment and the charge behind it. */
export interface CardFunding {
  payment: Payment;
  charge: StripeCharge;
}

export async function cardFundingOf(ctx: DomainContext, milestoneId: string): Promise<CardFunding | null> {
  const [row] = await ctx.db
    .select({ payment: payments, charge: stripeCharges })
    .from(payments)
    .innerJoin(stripeCharges, eq(stripeCharges.paymentId, payments.id))
    .where(and(eq(payments.milestoneId, milestoneId), eq(payments.provider, "stripe"), eq(payments.status, "succeeded")))
    .limit(1);
  return row ?? null;
}
