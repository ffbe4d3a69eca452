import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  contracts,
  disputes,
  invoices,
  ledgerEntries,
  ledgerTransactions,
  milestones,
  payments,
  type Invoice,
  type LedgerTransaction,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { chargedShare } from "../currency/charged";
import { ledgerAccounts } from "../ledger/accounts";
import { deciderText } from "../ledger/outcome";
import { issueChargeInvoice, issueInvoice, issueQuietly, lockedCharge } from "./issue";
import { userParty } from "./parties";

/** Why money went back, in the words the credit note prints. */
async function refundReason(ctx: DomainContext, txn: LedgerTransaction): Promise<string | null> {
  const dispute = /^dispute:([^:]+):refund$/.exec(txn.idempotencyKey);
  if (dispute) {
    const [row] = await ctx.db.select({ byDefault: disputes.resolvedByDefault }).from(disputes).where(eq(disputes.id, dispute[1])).limit(1);
    return `${deciderText(row?.byDefault ? "default" : "support")} the dispute`;
  }
  if (txn.idempotencyKey.startsWith("close-refund:")) return "Held funds returned when the contract closed";
  return txn.memo;
}

/** Refunds of the same milestone before this one (contract currency), so each credit note takes its exact share. */
async function refundedBefore(ctx: DomainContext, txn: LedgerTransaction, clientRefunds: string): Promise<number> {
  const rows = await ctx.db
    .select({ id: ledgerTransactions.id, amount: ledgerEntries.amount })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(
      and(
        eq(ledgerTransactions.milestoneId, txn.milestoneId as string),
        eq(ledgerTransactions.kind, "refund"),
        eq(ledgerEntries.account, clientRefunds),
      ),
    )
    .orderBy(asc(ledgerTransactions.id));
  let before = 0;
  for (const row of rows) {
    if (row.id === txn.id) break;
    before += row.amount;
  }
  return before;
}

/**
 * The client's credit note for one refund: numbered in the same series as invoices, issued by whoever issued
 * the charge it credits, naming that invoice, and, when the client paid in another currency, what goes back
 * in it at the rate locked when the milestone was funded. Issuing again for the same refund changes nothing.
 */
export async function issueCreditNote(ctx: DomainContext, refundTransactionId: string): Promise<Invoice | null> {
  const [txn] = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, refundTransactionId)).limit(1);
  if (!txn || txn.kind !== "refund" || !txn.contractId || !txn.milestoneId) return null;
  const [[contract], [milestone], entries, [payment]] = await Promise.all([
    ctx.db.select().from(contracts).where(eq(contracts.id, txn.contractId)),
    ctx.db.select().from(milestones).where(eq(milestones.id, txn.milestoneId)),
    ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, txn.id)),
    ctx.db
      .select()
      .from(payments)
      .where(and(eq(payments.milestoneId, txn.milestoneId), eq(payments.status, "succeeded")))
      .limit(1),
  ]);
  const clientRefunds = ledgerAccounts.clientRefunds(contract.clientId);
  const refunded = entries.filter((e) => e.account === clientRefunds).reduce((sum, e) => sum + e.amount, 0);
  if (refunded <= 0) return null;
  const credited = payment ? await issueChargeInvoice(ctx, payment.id) : null;
  const before = payment?.paidCurrency ? await refundedBefore(ctx, txn, clientRefunds) : 0;
  const reason = await refundReason(ctx, txn);
  const of = credited ? ` of invoice ${credited.number}` : "";
  return issueInvoice(ctx, {
    kind: "credit_note",
    sourceKey: `refund:${txn.id}`,
    issuerId: credited?.issuerId ?? contract.freelancerId,
    recipientId: contract.clientId,
    issuer: credited?.issuer ?? (await userParty(ctx, contract.freelancerId)),
    recipient: await userParty(ctx, contract.clientId),
    lines: [
      {
        description: `Refund${of} for milestone: ${milestone.title}${reason ? ` (${reason})` : ""}`,
        quantity: 1,
        unitAmount: refunded,
        amount: refunded,
      },
    ],
    currency: txn.currency,
    contractId: contract.id,
    milestoneId: milestone.id,
    paymentId: payment?.id ?? null,
    ledgerTransactionId: txn.id,
    charged: payment ? lockedCharge(payment, chargedShare(payment, before + refunded) - chargedShare(payment, before)) : null,
    creditsInvoiceId: credited?.id ?? null,
    issuedAt: txn.createdAt,
  });
}

/** After refunds committed: a credit note for each refund of these milestones that has none yet (never undoes the refund). */
export async function issueRefundCreditNotes(ctx: DomainContext, milestoneIds: string[]): Promise<void> {
  if (milestoneIds.length === 0) return;
  const missing = await ctx.db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .leftJoin(invoices, eq(invoices.sourceKey, sql`'refund:' || ${ledgerTransactions.id}`))
    .where(and(inArray(ledgerTransactions.milestoneId, milestoneIds), eq(ledgerTransactions.kind, "refund"), isNull(invoices.id)))
    .orderBy(asc(ledgerTransactions.id));
  for (const { id } of missing) await issueQuietly(ctx, `credit note ${id}`, () => issueCreditNote(ctx, id));
}
