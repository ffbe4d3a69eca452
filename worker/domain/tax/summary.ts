import { and, eq, sql } from "drizzle-orm";
import { invoices } from "../../../db/schema";
import { toCsv } from "../analytics/csv";
import type { DomainContext } from "../context";
import { majorText } from "../currency/format";

/** The years a summary can be asked for. */
export const SUMMARY_YEARS = { min: 2000, max: 2100 } as const;

export interface TaxSummaryRow {
  currency: string;
  /** Released to the freelancer (before the fee). */
  earnings: number;
  /** Platform fees, tax included. */
  fees: number;
  /** The VAT or GST charged on those fees. */
  taxCharged: number;
  /** Fees without their tax (fees − taxCharged). */
  feesNet: number;
  /** Credited to the balance (earnings − fees). */
  net: number;
  /** Fee statements counted. */
  documents: number;
}

export interface TaxSummary {
  year: number;
  /** One row per currency, for the whole year. */
  totals: TaxSummaryRow[];
  /** One row per month (YYYY-MM, UTC) and currency that had releases. */
  months: (TaxSummaryRow & { month: string })[];
}

/**
 * A freelancer's year in fee statements (one per release, issued when the money moved): what was earned,
 * the fees and the VAT or GST charged on them, per currency and per month. All sums in minor units.
 */
export async function taxSummary(ctx: DomainContext, userId: string, year: number): Promise<TaxSummary> {
  const month = sql<string>`strftime('%Y-%m', ${invoices.issuedAt} / 1000, 'unixepoch')`;
  const rows = await ctx.db
    .select({
      month,
      currency: invoices.currency,
      earnings: sql<number>`sum(${invoices.subtotal})`,
      fees: sql<number>`sum(${invoices.feeAmount})`,
      taxCharged: sql<number>`sum(${invoices.feeTaxAmount})`,
      documents: sql<number>`count(*)`,
    })
    .from(invoices)
    .where(and(eq(invoices.recipientId, userId), eq(invoices.kind, "fee"), eq(invoices.year, year)))
    .groupBy(month, invoices.currency)
    .orderBy(month, invoices.currency);
  const complete = (r: Omit<TaxSummaryRow, "feesNet" | "net">): TaxSummaryRow => ({
    currency: r.currency,
    earnings: r.earnings,
    fees: r.fees,
    taxCharged: r.taxCharged,
    feesNet: r.fees - r.taxCharged,
    net: r.earnings - r.fees,
    documents: r.documents,
  });
  const months = rows.map((r) => ({ month: r.month, ...complete(r) }));
  const byCurrency = new Map<string, Omit<TaxSummaryRow, "feesNet" | "net">>();
  for (const r of rows) {
    const t = byCurrency.get(r.currency) ?? { currency: r.currency, earnings: 0, fees: 0, taxCharged: 0, documents: 0 };
    t.earnings += r.earnings;
    t.fees += r.fees;
    t.taxCharged += r.taxCharged;
    t.documents += r.documents;
    byCurrency.set(r.currency, t);
  }
  const totals = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map(complete);
  return { year, totals, months };
}

const HEADER = [
  "Period",
  "Currency",
  "Earnings",
  "Platform fees (tax incl.)",
  "Fees before tax",
  "Tax charged on fees",
  "Net credited",
  "Fee statements",
];

const cells = (period: string, r: TaxSummaryRow) => [
  period,
  r.currency,
  majorText(r.earnings, r.currency),
  majorText(r.fees, r.currency),
  majorText(r.feesNet, r.currency),
  majorText(r.taxCharged, r.currency),
  majorText(r.net, r.currency),
  r.documents,
];

/** The summary as a spreadsheet: a row per month and currency, then the year's totals; amounts in major units. */
export function taxSummaryCsv(summary: TaxSummary): string {
  return toCsv([HEADER, ...summary.months.map((m) => cells(m.month, m)), ...summary.totals.map((t) => cells(`${summary.year} total`, t))]);
}

export const taxSummaryCells = cells;
