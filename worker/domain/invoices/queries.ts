import { and, desc, eq, lt, or } from "drizzle-orm";
import { invoices, type Invoice, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { REVERSE_CHARGE_WORDING } from "../tax/treatment";
import { percentOfBps } from "./format";

export const INVOICE_PAGE_MAX = 50;

export const INVOICE_TITLES = { charge: "Invoice", payout: "Payout receipt", fee: "Fee statement", credit_note: "Credit note" } as const;

const TAX_NAMES = { vat: "VAT", gst: "GST", hst: "HST", none: "Tax" } as const;

/**
 * The invoice's rows with net, tax and gross each: its lines, and on a fee statement the platform fee as a
 * deduction with the VAT or GST it includes. The gross column adds up to the total.
 */
export function invoiceRows(i: Invoice) {
  const rows = i.lines.map((line) => ({
    description: line.description,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    net: line.amount,
    tax: 0,
    gross: line.amount,
  }));
  if (i.feeAmount) {
    const taxName = TAX_NAMES[i.taxKind];
    const detail = i.feeTaxAmount
      ? `, incl. ${taxName} ${percentOfBps(i.feeTaxRateBps)}`
      : i.taxTreatment === "reverse_charge"
        ? ", reverse charge"
        : "";
    rows.push({
      description: `Platform fee (${percentOfBps(i.feeRateBps)}${detail})`,
      quantity: 1,
      unitAmount: -i.feeAmount,
      net: -(i.feeAmount - i.feeTaxAmount),
      tax: -i.feeTaxAmount,
      gross: -i.feeAmount,
    });
  }
  if (i.taxAmount)
    rows.push({
      description: `Tax (${percentOfBps(i.taxRateBps)})`,
      quantity: 1,
      unitAmount: i.taxAmount,
      net: 0,
      tax: i.taxAmount,
      gross: i.taxAmount,
    });
  return rows;
}

/** How tax applied to the document, and the wording it must print. */
export function invoiceTax(i: Invoice) {
  return {
    treatment: i.taxTreatment,
    kind: i.taxKind,
    jurisdiction: i.taxJurisdiction,
    /** The VAT or GST included in the platform fee (fee statements). */
    feeTaxAmount: i.feeTaxAmount,
    feeTaxRateBps: i.feeTaxRateBps,
    /** Legal wording to print, e.g. for a reverse charge; null when none is needed. */
    note: i.taxTreatment === "reverse_charge" ? REVERSE_CHARGE_WORDING : null,
  };
}

/** The invoice a credit note credits, by number. */
type CreditedInvoice = { id: string; number: string } | null;

export function toInvoiceView(i: Invoice, credits: CreditedInvoice = null) {
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    title: INVOICE_TITLES[i.kind],
    issuer: i.issuer,
    recipient: i.recipient,
    lines: i.lines,
    /** The lines with net, tax and gross each (the fee as a deduction on a fee statement); gross adds up to the total. */
    rows: invoiceRows(i),
    tax: invoiceTax(i),
    currency: i.currency,
    subtotal: i.subtotal,
    feeRateBps: i.feeRateBps,
    feeAmount: i.feeAmount,
    taxRateBps: i.taxRateBps,
    taxAmount: i.taxAmount,
    total: i.total,
    contractId: i.contractId,
    milestoneId: i.milestoneId,
    paymentId: i.paymentId,
    payoutId: i.payoutId,
    ledgerTransactionId: i.ledgerTransactionId,
    /** Set when the client paid in another currency: what was charged (given back, on a credit note) in it, at the locked rate. */
    charged:
      i.chargedAmount !== null && i.chargedCurrency && i.exchangeRate && i.rateFetchedAt
        ? { amount: i.chargedAmount, currency: i.chargedCurrency, rate: i.exchangeRate, rateFetchedAt: i.rateFetchedAt.toISOString() }
        : null,
    /** On a credit note: the invoice it credits. */
    credits,
    issuedAt: i.issuedAt.toISOString(),
  };
}
export type InvoiceView = ReturnType<typeof toInvoiceView>;

const mine = (userId: string) => or(eq(invoices.issuerId, userId), eq(invoices.recipientId, userId));

/** Invoices the viewer issued or received, newest first. */
export async function listInvoices(ctx: DomainContext, userId: string, input: { limit: number; cursor?: string; contractId?: string }) {
  const limit = Math.min(Math.max(input.limit, 1), INVOICE_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(
      and(
        mine(userId),
        input.contractId ? eq(invoices.contractId, input.contractId) : undefined,
        input.cursor ? lt(invoices.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(invoices.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map((i) => toInvoiceView(i)), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** One invoice for its issuer, its recipient or an admin; anyone else is told it does not exist. */
export async function getInvoice(ctx: DomainContext, viewer: User, invoiceId: string): Promise<InvoiceView> {
  const [row] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1);
  const allowed = row && (row.issuerId === viewer.id || row.recipientId === viewer.id || viewer.roles.includes("admin"));
  if (!allowed) throw new AppError(404, "not_found", "No such invoice.");
  const [credits] = row.creditsInvoiceId
    ? await ctx.db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.id, row.creditsInvoiceId)).limit(1)
    : [];
  return toInvoiceView(row, credits ?? null);
}
