import { eq, sql } from "drizzle-orm";
import {
  billingDetails,
  contracts,
  invoices,
  invoiceSequences,
  ledgerEntries,
  ledgerTransactions,
  milestones,
  payments,
  payouts,
  timesheets,
  type Invoice,
  type InvoiceKind,
  type InvoiceLine,
  type InvoiceParty,
  type Payment,
  type TaxKind,
  type TaxTreatmentKind,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { isTaxAccount, ledgerAccounts, TAX_ACCOUNT_PREFIX } from "../ledger/accounts";
import { rateRowOn } from "../tax/rates";
import { taxTreatmentFor } from "../tax/treatment";
import { taxBuyerOf } from "./billing";
import { platformFee, PLATFORM_FEE_BPS } from "../ledger/fees";
import { formatMinutes, isoWeekLabel } from "../time/weeks";
import { platformParty, userParty } from "./parties";

export interface InvoiceDraft {
  kind: InvoiceKind;
  sourceKey: string;
  issuerId: string | null;
  recipientId: string | null;
  issuer: InvoiceParty;
  recipient: InvoiceParty;
  lines: InvoiceLine[];
  currency: string;
  feeRateBps?: number;
  feeAmount?: number;
  /** How tax applied (a fee statement: the VAT or GST included in its fee). */
  tax?: { treatment: TaxTreatmentKind; kind: TaxKind; jurisdiction: string | null; feeTaxAmount: number; feeTaxRateBps: number };
  contractId?: string | null;
  milestoneId?: string | null;
  paymentId?: string | null;
  payoutId?: string | null;
  ledgerTransactionId?: string | null;
  /** What the client was charged (or given back) in their paying currency, at the locked rate. */
  charged?: { amount: number; currency: string; rate: string; rateFetchedAt: Date } | null;
  creditsInvoiceId?: string | null;
  issuedAt: Date;
}

/** A payment's locked rate as printed on its documents, for `amount` in the paying currency; null when paid in the contract's. */
export function lockedCharge(payment: Payment, amount: number | null): InvoiceDraft["charged"] {
  if (!payment.paidCurrency || amount === null || !payment.exchangeRate || !payment.rateFetchedAt) return null;
  return { amount, currency: payment.paidCurrency, rate: payment.exchangeRate, rateFetchedAt: payment.rateFetchedAt };
}

export const invoiceNumber = (year: number, sequence: number) => `ML-${year}-${String(sequence).padStart(6, "0")}`;

async function bySource(ctx: DomainContext, sourceKey: string): Promise<Invoice | undefined> {
  const [row] = await ctx.db.select().from(invoices).where(eq(invoices.sourceKey, sourceKey)).limit(1);
  return row;
}

/**
 * Issues an invoice with the next number of its year. The counter moves in the same batch as the insert,
 * so numbers are unique and gapless under any concurrency; a second issue for the same source changes
 * nothing (unique source key, the whole batch rolls back) and returns the first invoice.
 */
export async function issueInvoice(ctx: DomainContext, draft: InvoiceDraft): Promise<Invoice> {
  const prior = await bySource(ctx, draft.sourceKey);
  if (prior) return prior;
  const year = draft.issuedAt.getUTCFullYear();
  const subtotal = draft.lines.reduce((sum, line) => sum + line.amount, 0);
  const feeAmount = draft.feeAmount ?? 0;
  const sequence = sql<number>`(select ${invoiceSequences.last} from ${invoiceSequences} where ${invoiceSequences.year} = ${year})`;
  try {
    await ctx.db.batch([
      ctx.db.insert(invoiceSequences).values({ year, last: 0 }).onConflictDoNothing(),
      ctx.db
        .update(invoiceSequences)
        .set({ last: sql`${invoiceSequences.last} + 1` })
        .where(eq(invoiceSequences.year, year)),
      ctx.db.insert(invoices).values({
        id: ctx.newId(),
        number: sql<string>`${`ML-${year}-`} || printf('%06d', ${sequence})`,
        year,
        sequence,
        kind: draft.kind,
        sourceKey: draft.sourceKey,
        issuerId: draft.issuerId,
        recipientId: draft.recipientId,
        issuer: draft.issuer,
        recipient: draft.recipient,
        lines: draft.lines,
        currency: draft.currency,
        subtotal,
        feeRateBps: draft.feeRateBps ?? 0,
        feeAmount,
        // Tax on the work itself is the freelancer's to charge, outside the platform; the platform's tax is the VAT or
        // GST included in its fee (decision 048), shown below as the fee's tax.
        taxRateBps: 0,
        taxAmount: 0,
        total: subtotal - feeAmount,
        feeTaxAmount: draft.tax?.feeTaxAmount ?? 0,
        feeTaxRateBps: draft.tax?.feeTaxRateBps ?? 0,
        taxTreatment: draft.tax?.treatment ?? "none",
        taxKind: draft.tax?.kind ?? "none",
        taxJurisdiction: draft.tax?.jurisdiction ?? null,
        contractId: draft.contractId ?? null,
        milestoneId: draft.milestoneId ?? null,
        paymentId: draft.paymentId ?? null,
        payoutId: draft.payoutId ?? null,
        ledgerTransactionId: draft.ledgerTransactionId ?? null,
        chargedAmount: draft.charged?.amount ?? null,
        chargedCurrency: draft.charged?.currency ?? null,
        exchangeRate: draft.charged?.rate ?? null,
        rateFetchedAt: draft.charged?.rateFetchedAt ?? null,
        creditsInvoiceId: draft.creditsInvoiceId ?? null,
        issuedAt: draft.issuedAt,
        createdAt: ctx.clock.now(),
      }),
    ]);
  } catch (error) {
    const raced = await bySource(ctx, draft.sourceKey);
    if (raced) return raced;
    throw error;
  }
  return (await bySource(ctx, draft.sourceKey)) as Invoice;
}

/** The client's invoice for a confirmed charge, issued by the freelancer through the platform. */
export async function issueChargeInvoice(ctx: DomainContext, paymentId: string): Promise<Invoice | null> {
  const [row] = await ctx.db
    .select({ payment: payments, milestone: milestones, contract: contracts })
    .from(payments)
    .innerJoin(milestones, eq(milestones.id, payments.milestoneId))
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(eq(payments.id, paymentId))
    .limit(1);
  if (!row || row.payment.status !== "succeeded") return null;
  const { payment, milestone, contract } = row;
  const [sheet] = await ctx.db.select().from(timesheets).where(eq(timesheets.paymentId, paymentId)).limit(1);
  const lines: InvoiceLine[] = sheet
    ? [
        {
          description: `Hours worked in ${isoWeekLabel(sheet.weekStart)} (${formatMinutes(sheet.minutes)}) at the hourly rate`,
          quantity: Math.round((sheet.minutes / 60) * 100) / 100,
          unitAmount: sheet.hourlyRate,
          amount: payment.amount,
        },
      ]
    : [{ description: `Milestone: ${milestone.title}`, quantity: 1, unitAmount: payment.amount, amount: payment.amount }];
  const [issuer, recipient] = await Promise.all([userParty(ctx, contract.freelancerId), userParty(ctx, payment.payerId)]);
  return issueInvoice(ctx, {
    kind: "charge",
    sourceKey: `payment:${payment.id}`,
    issuerId: contract.freelancerId,
    recipientId: payment.payerId,
    issuer,
    recipient,
    lines,
    currency: payment.currency,
    contractId: contract.id,
    milestoneId: milestone.id,
    paymentId: payment.id,
    charged: lockedCharge(payment, payment.paidAmount),
    issuedAt: payment.confirmedAt ?? ctx.clock.now(),
  });
}

/** The freelancer's receipt for money paid out of their balance. */
export async function issuePayoutInvoice(ctx: DomainContext, payoutId: string): Promise<Invoice | null> {
  const [payout] = await ctx.db.select().from(payouts).where(eq(payouts.id, payoutId)).limit(1);
  if (!payout || payout.status === "failed") return null;
  return issueInvoice(ctx, {
    kind: "payout",
    sourceKey: `payout:${payout.id}`,
    issuerId: null,
    recipientId: payout.userId,
    issuer: platformParty(ctx),
    recipient: await userParty(ctx, payout.userId),
    lines: [
      {
        description: `Payout of your available balance via ${payout.provider}`,
        quantity: 1,
        unitAmount: payout.amount,
        amount: payout.amount,
      },
    ],
    currency: payout.currency,
    payoutId: payout.id,
    issuedAt: payout.createdAt,
  });
}

/** The freelancer's fee statement for one release: the amount released, the platform fee, and the net credited. */
export async function issueFeeInvoice(ctx: DomainContext, transactionId: string): Promise<Invoice | null> {
  const [txn] = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, transactionId)).limit(1);
  if (!txn || txn.kind !== "release" || !txn.contractId) return null;
  const [entries, [contract], [milestone]] = await Promise.all([
    ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, txn.id)),
    ctx.db.select().from(contracts).where(eq(contracts.id, txn.contractId)),
    txn.milestoneId ? ctx.db.select().from(milestones).where(eq(milestones.id, txn.milestoneId)) : Promise.resolve([]),
  ]);
  const released = -entries.filter((e) => e.account === ledgerAccounts.escrow(contract.id)).reduce((s, e) => s + e.amount, 0);
  const taxEntries = entries.filter((e) => isTaxAccount(e.account));
  const feeTax = taxEntries.reduce((s, e) => s + e.amount, 0);
  // The fee is tax-inclusive: what the platform kept plus the VAT or GST it collected on it.
  const fee = entries.filter((e) => e.account === ledgerAccounts.platformFees).reduce((s, e) => s + e.amount, 0) + feeTax;
  if (released <= 0) return null;
  const title = milestone ? milestone.title : "contract work";
  const [billing] = await ctx.db.select().from(billingDetails).where(eq(billingDetails.userId, contract.freelancerId)).limit(1);
  // The ledger says how much tax went to which jurisdiction; the rate is that jurisdiction's on the day of the release.
  const collectedIn = taxEntries[0]?.account.slice(TAX_ACCOUNT_PREFIX.length) ?? null;
  const collectedRow = collectedIn ? rateRowOn(collectedIn, txn.createdAt) : null;
  const reverseCharge = !feeTax && taxTreatmentFor(taxBuyerOf(billing), txn.createdAt).treatment === "reverse_charge";
  const tax: InvoiceDraft["tax"] = collectedIn
    ? {
        treatment: "charged",
        kind: collectedRow?.kind ?? "vat",
        jurisdiction: collectedIn,
        feeTaxAmount: feeTax,
        feeTaxRateBps: collectedRow?.rateBps ?? 0,
      }
    : reverseCharge
      ? { treatment: "reverse_charge", kind: "vat", jurisdiction: billing?.country ?? null, feeTaxAmount: 0, feeTaxRateBps: 0 }
      : undefined;
  return issueInvoice(ctx, {
    kind: "fee",
    sourceKey: `fee:${txn.id}`,
    issuerId: null,
    recipientId: contract.freelancerId,
    issuer: platformParty(ctx),
    recipient: await userParty(ctx, contract.freelancerId),
    lines: [{ description: `Released for: ${title}`, quantity: 1, unitAmount: released, amount: released }],
    currency: txn.currency,
    // The rate actually applied: derived from the entries, equal to PLATFORM_FEE_BPS when nothing was rounded away.
    feeRateBps: fee === platformFee(released) ? PLATFORM_FEE_BPS : Math.round((fee * 10_000) / released),
    feeAmount: fee,
    tax,
    contractId: contract.id,
    milestoneId: txn.milestoneId,
    ledgerTransactionId: txn.id,
    issuedAt: txn.createdAt,
  });
}

/**
 * Issuing runs right after the money moved; a failure there is logged and never undoes the movement.
 * The daily sweep (issueMissingInvoices) issues whatever was missed.
 */
export async function issueQuietly(ctx: DomainContext, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    ctx.log("invoice issue failed", { what, error: String(error) });
  }
}
