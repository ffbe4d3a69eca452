import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { contracts, milestones, payments, stripeCharges, users } from "../../../../db/schema";
import type { DomainContext } from "../../context";
import { formatMoney } from "../../contract-core/notify";
import { recordEvent } from "../../shared/audit";
import { notify } from "../../notifications/notify";

/** Stripe's limit for holding a charge's funds on the platform before transferring them. */
export const STRIPE_HOLD_LIMIT_DAYS = 90;
/** Warn this long after the charge, leaving ten days to release or refund. */
export const HOLD_WARNING_AFTER_DAYS = 80;
const DAY_MS = 24 * 60 * 60 * 1000;
const WARN_BATCH = 200;
const ADMIN_FANOUT_MAX = 50;

/** Milestone states in which card money is still held on the platform. */
const HOLDING = ["funded", "submitted", "changes_requested"] as const;

/**
 * The daily check Stripe has no webhook for: card money held for a milestone for HOLD_WARNING_AFTER_DAYS
 * or more is flagged to the client and to admins, once per payment (the conditional update picks one winner).
 */
export async function flagAgingCardFunds(ctx: DomainContext): Promise<{ flagged: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - HOLD_WARNING_AFTER_DAYS * DAY_MS);
  const aging = await ctx.db
    .select({ payment: payments, contractId: contracts.id, clientId: contracts.clientId, title: milestones.title })
    .from(payments)
    .innerJoin(stripeCharges, eq(stripeCharges.paymentId, payments.id))
    .innerJoin(milestones, eq(milestones.id, payments.milestoneId))
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(
      and(
        eq(payments.provider, "stripe"),
        eq(payments.status, "succeeded"),
        lte(payments.confirmedAt, cutoff),
        isNull(stripeCharges.holdWarnedAt),
        inArray(milestones.status, [...HOLDING]),
      ),
    )
    .limit(WARN_BATCH);
  if (aging.length === 0) return { flagged: 0 };
  const admins = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.roles} like '%"admin"%'`)
    .limit(ADMIN_FANOUT_MAX);
  let flagged = 0;
  for (const row of aging) {
    const [won] = await ctx.db
      .update(stripeCharges)
      .set({ holdWarnedAt: ctx.clock.now() })
      .where(and(eq(stripeCharges.paymentId, row.payment.id), isNull(stripeCharges.holdWarnedAt)))
      .returning({ paymentId: stripeCharges.paymentId });
    if (!won) continue;
    flagged++;
    const { payment } = row;
    const deadline = new Date(payment.confirmedAt!.getTime() + STRIPE_HOLD_LIMIT_DAYS * DAY_MS);
    const amount = formatMoney(payment.amount, payment.currency);
    const day = deadline.toISOString().slice(0, 10);
    await recordEvent(ctx, {
      type: "money.stripe_hold_expiring",
      subjectType: "payment",
      subjectId: payment.id,
      data: {
        milestoneId: payment.milestoneId,
        contractId: row.contractId,
        amount: payment.amount,
        currency: payment.currency,
        deadline: day,
      },
    });
    const tell = async (userId: string, body: string, link: string) => {
      try {
        await notify(ctx, userId, "payment_hold_expiring", {
          title: `Card funds held since ${payment.confirmedAt!.toISOString().slice(0, 10)}`,
          body,
          link,
        });
      } catch (error) {
        ctx.log("hold warning notification failed", { userId, error: String(error) });
      }
    };
    await tell(
      row.clientId,
      `${amount} for "${row.title}" has been held for ${HOLD_WARNING_AFTER_DAYS} days. Card payments can be held for at most ${STRIPE_HOLD_LIMIT_DAYS} days (until ${day}): approve or release the work, or ask for a refund, before then.`,
      `/contracts/${row.contractId}`,
    );
    // Admins are no party to the contract: they land on the paying client's account.
    for (const admin of admins) {
      await tell(
        admin.id,
        `${amount} paid by card for "${row.title}" reaches Stripe's ${STRIPE_HOLD_LIMIT_DAYS}-day holding limit on ${day}. The client's account shows who paid.`,
        `/admin/users/${row.clientId}`,
      );
    }
  }
  return { flagged };
}
