import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions, stripeReturns, stripeTransfers, type StripeReturn } from "../../../db/schema";
import type { DomainContext } from "../context";
import { ledgerAccounts } from "../ledger/accounts";
import type { CardFunding } from "./charges";
import type { StripeGateway } from "./gateway";

/** How one ledger refund goes back at Stripe: the client's part refunds the charge; money taken back from the freelancer reverses transfers. */
async function refundParts(ctx: DomainContext, transactionId: string): Promise<{ refund: number; reversal: number }> {
  const entries = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, transactionId));
  let refund = 0;
  let reversal = 0;
  for (const e of entries) {
    if (e.account.startsWith(ledgerAccounts.clientRefunds(""))) refund += e.amount;
    else if (e.account === ledgerAccounts.payouts && e.amount < 0) reversal -= e.amount;
  }
  return { refund, reversal };
}

/**
 * Writes what each ledger refund of a card-funded milestone needs at Stripe, once: before release a refund of
 * the charge; after release also reversals of the transfers that paid the freelancer (newest first).
 * A refund whose reversal finds no sent transfer yet waits for the next run.
 */
export async function recordReturns(ctx: DomainContext, funding: CardFunding): Promise<{ waiting: number }> {
  const { payment, charge } = funding;
  const refunds = await ctx.db
    .select({ id: ledgerTransactions.id, currency: ledgerTransactions.currency })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.milestoneId, payment.milestoneId),
        eq(ledgerTransactions.kind, "refund"),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(stripeReturns)
            .where(eq(stripeReturns.ledgerTransactionId, ledgerTransactions.id)),
        ),
      ),
    )
    .orderBy(asc(ledgerTransactions.id));
  let waiting = 0;
  for (const txn of refunds) {
    const { refund, reversal } = await refundParts(ctx, txn.id);
    const rows: (typeof stripeReturns.$inferInsert)[] = [];
    const base = { ledgerTransactionId: txn.id, paymentId: payment.id, currency: txn.currency, createdAt: ctx.clock.now() };
    if (reversal > 0) {
      const sent = await ctx.db
        .select()
        .from(stripeTransfers)
        .where(and(eq(stripeTransfers.paymentId, payment.id), eq(stripeTransfers.status, "sent")))
        .orderBy(sql`${stripeTransfers.createdAt} desc`);
      let left = reversal;
      for (const t of sent) {
        const room = t.amount - t.amountReversed;
        if (room <= 0 || left === 0) continue;
        const amount = Math.min(room, left);
        left -= amount;
        rows.push({
          ...base,
          id: ctx.newId(),
          kind: "transfer_reversal",
          target: t.transferId ?? "",
          amount,
          idempotencyKey: `reversal:${txn.id}:${t.id}`,
        });
      }
      if (left > 0) {
        waiting++;
        continue;
      }
    }
    if (refund > 0) {
      rows.push({
        ...base,
        id: ctx.newId(),
        kind: "charge_refund",
        target: charge.chargeId,
        amount: refund,
        idempotencyKey: `refund:${txn.id}`,
      });
    }
    if (rows.length > 0) await ctx.db.insert(stripeReturns).values(rows).onConflictDoNothing();
  }
  return { waiting };
}

/** Sends one refund or reversal; its idempotency key makes a retry land on the first one. */
export async function sendReturn(ctx: DomainContext, stripe: StripeGateway, row: StripeReturn): Promise<boolean> {
  const metadata = { ledger_transaction_id: row.ledgerTransactionId, payment_id: row.paymentId };
  try {
    const sent =
      row.kind === "charge_refund"
        ? await stripe.refundCharge({ charge: row.target, amount: row.amount, metadata, idempotencyKey: row.idempotencyKey })
        : await stripe.reverseTransfer({ transfer: row.target, amount: row.amount, metadata, idempotencyKey: row.idempotencyKey });
    const done = ctx.db
      .update(stripeReturns)
      .set({ status: "sent", stripeRef: sent.id, sentAt: ctx.clock.now(), attempts: row.attempts + 1, lastError: null })
      .where(and(eq(stripeReturns.id, row.id), eq(stripeReturns.status, "pending")))
      .returning({ id: stripeReturns.id });
    if (row.kind === "charge_refund") await done;
    else {
      const [[marked]] = (await ctx.db.batch([done])) as [{ id: string }[]];
      if (marked) {
        await ctx.db
          .update(stripeTransfers)
          .set({ amountReversed: sql`${stripeTransfers.amountReversed} + ${row.amount}` })
          .where(eq(stripeTransfers.transferId, row.target));
      }
    }
    return true;
  } catch (error) {
    ctx.log("stripe refund failed, will retry", { returnId: row.id, error: String(error) });
    await ctx.db
      .update(stripeReturns)
      .set({ attempts: row.attempts + 1, lastError: String(error).slice(0, 500) })
      .where(eq(stripeReturns.id, row.id));
    return false;
  }
}

export async function pendingReturns(ctx: DomainContext, paymentId: string): Promise<StripeReturn[]> {
  const rows = await ctx.db
    .select()
    .from(stripeReturns)
    .where(and(eq(stripeReturns.paymentId, paymentId), inArray(stripeReturns.status, ["pending"])))
    .orderBy(asc(stripeReturns.createdAt), asc(stripeReturns.id));
  // Reversals first: money comes back from the freelancer's account before it goes back to the card.
  return rows.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "transfer_reversal" ? -1 : 1));
}
