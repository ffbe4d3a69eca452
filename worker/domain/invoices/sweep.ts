import { and, eq, isNull, sql } from "drizzle-orm";
import { invoices, ledgerTransactions, payments, payouts } from "../../../db/schema";
import type { DomainContext } from "../context";
import { issueCreditNote } from "./credit-notes";
import { issueChargeInvoice, issueFeeInvoice, issuePayoutInvoice } from "./issue";

const SWEEP_BATCH = 200;

/** Daily: an invoice for every confirmed charge, payout and release, and a credit note for every refund, not issued yet. */
export async function issueMissingInvoices(ctx: DomainContext): Promise<number> {
  const [charges, outs, releases, refunds] = await Promise.all([
    ctx.db
      .select({ id: payments.id })
      .from(payments)
      .leftJoin(invoices, eq(invoices.sourceKey, sql`'payment:' || ${payments.id}`))
      .where(and(eq(payments.status, "succeeded"), isNull(invoices.id)))
      .limit(SWEEP_BATCH),
    ctx.db
      .select({ id: payouts.id })
      .from(payouts)
      .leftJoin(invoices, eq(invoices.sourceKey, sql`'payout:' || ${payouts.id}`))
      .where(and(sql`${payouts.status} <> 'failed'`, isNull(invoices.id)))
      .limit(SWEEP_BATCH),
    ctx.db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .leftJoin(invoices, eq(invoices.sourceKey, sql`'fee:' || ${ledgerTransactions.id}`))
      .where(and(eq(ledgerTransactions.kind, "release"), isNull(invoices.id)))
      .limit(SWEEP_BATCH),
    ctx.db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .leftJoin(invoices, eq(invoices.sourceKey, sql`'refund:' || ${ledgerTransactions.id}`))
      .where(and(eq(ledgerTransactions.kind, "refund"), isNull(invoices.id)))
      .limit(SWEEP_BATCH),
  ]);
  let issued = 0;
  for (const { id } of charges) if (await issueChargeInvoice(ctx, id)) issued++;
  for (const { id } of outs) if (await issuePayoutInvoice(ctx, id)) issued++;
  for (const { id } of releases) if (await issueFeeInvoice(ctx, id)) issued++;
  for (const { id } of refunds) if (await issueCreditNote(ctx, id)) issued++;
  return issued;
}
