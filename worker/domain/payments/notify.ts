import { eq } from "drizzle-orm";
import { milestones, type Payment } from "../../../db/schema";
import { formatMoney } from "../contract-core/notify";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";

/** The payer hears that a card payment failed, with the bank's reason, and goes back to the contract to try again. */
export async function tellPaymentFailed(ctx: DomainContext, payment: Payment, reason: string | null): Promise<void> {
  try {
    const [milestone] = await ctx.db.select({ title: milestones.title }).from(milestones).where(eq(milestones.id, payment.milestoneId));
    const amount = formatMoney(payment.paidAmount ?? payment.amount, payment.paidCurrency ?? payment.currency);
    await notify(ctx, payment.payerId, "payment_failed", {
      title: `Payment failed: ${milestone?.title ?? "a milestone"}`,
      body: `Your card payment of ${amount} did not go through${reason ? `: ${reason}` : "."} Nothing was charged. Fund the milestone again from the contract page, with another card or another way to pay.`,
      link: `/contracts/${payment.contractId}`,
    });
  } catch (error) {
    ctx.log("payment failure notification failed", { paymentId: payment.id, error: String(error) });
  }
}
