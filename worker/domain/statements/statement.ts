import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { invoices, type Invoice, type InvoiceKind } from "../../../db/schema";
import type { DomainContext } from "../context";
import { endOf, startOf, type DayRange } from "../analytics/range";
import { INVOICE_TITLES } from "../invoices/queries";
import { STATEMENT_KINDS, type StatementKind } from "./statement-labels";

export { STATEMENT_KINDS, type StatementKind };

/**
 * A user's statement: every money document addressed to them in a range of days. A client sees what they
 * were charged and refunded (invoices and credit notes), a freelancer the fees taken from their releases and
 * their payouts. Built from the documents, so every line has one to open.
 */
const KIND_OF: Record<InvoiceKind, StatementKind> = { charge: "charge", credit_note: "refund", fee: "fee", payout: "payout" };
const DOCUMENTS_OF: Record<StatementKind, InvoiceKind> = { charge: "charge", refund: "credit_note", fee: "fee", payout: "payout" };

export const STATEMENT_PAGE_MAX = 100;

/** One line of the statement, with what the page and the CSV show beside the API's fields. */
export interface StatementLine {
  kind: StatementKind;
  /** Minor units of `currency`, always positive: the kind says which way the money went. */
  amount: number;
  currency: string;
  /** Set when the client paid in another currency: the same money in it, at the rate locked at funding. */
  chargedAmount?: number;
  chargedCurrency?: string;
  documentId: string;
  documentNumber: string;
  documentTitle: string;
  description: string;
  contractId: string | null;
  issuedAt: string;
}

/** What the money amounted to on a document: the fee itself on a fee statement, the total on every other one. */
const amountOf = (i: Invoice) => (i.kind === "fee" ? i.feeAmount : i.total);

function toLine(i: Invoice): StatementLine {
  return {
    kind: KIND_OF[i.kind],
    amount: amountOf(i),
    currency: i.currency,
    ...(i.chargedAmount !== null && i.chargedCurrency ? { chargedAmount: i.chargedAmount, chargedCurrency: i.chargedCurrency } : {}),
    documentId: i.id,
    documentNumber: i.number,
    documentTitle: INVOICE_TITLES[i.kind],
    description: i.lines.map((l) => l.description).join("; "),
    contractId: i.contractId,
    issuedAt: i.issuedAt.toISOString(),
  };
}

/** Exactly the API's item: {kind, amount, currency, chargedAmount?, chargedCurrency?, documentId}. */
export function toStatementItem(line: StatementLine) {
  return {
    kind: line.kind,
    amount: line.amount,
    currency: line.currency,
    ...(line.chargedAmount !== undefined ? { chargedAmount: line.chargedAmount, chargedCurrency: line.chargedCurrency } : {}),
    documentId: line.documentId,
  };
}
export type StatementItem = ReturnType<typeof toStatementItem>;

const inRange = (userId: string, range: DayRange, kinds: readonly StatementKind[]) =>
  and(
    eq(invoices.recipientId, userId),
    inArray(
      invoices.kind,
      kinds.map((k) => DOCUMENTS_OF[k]),
    ),
    gte(invoices.issuedAt, new Date(startOf(range.from))),
    lt(invoices.issuedAt, new Date(endOf(range))),
  );

/** The statement's lines in a range of days (UTC), newest first, a page at a time. */
export async function statementLines(
  ctx: DomainContext,
  userId: string,
  input: { range: DayRange; limit: number; cursor?: string; kinds?: readonly StatementKind[] },
): Promise<{ items: StatementLine[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit, 1), STATEMENT_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(invoices)
    .where(and(inRange(userId, input.range, input.kinds ?? STATEMENT_KINDS), input.cursor ? lt(invoices.id, input.cursor) : undefined))
    .orderBy(desc(invoices.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toLine), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

export interface StatementTotal {
  kind: StatementKind;
  currency: string;
  amount: number;
  /** The paying currency's figures for the part paid in another currency. */
  charged: { currency: string; amount: number }[];
}

/** Sums per kind and currency over the whole range (and what of it was charged in other currencies). */
export async function statementTotals(
  ctx: DomainContext,
  userId: string,
  range: DayRange,
  kinds: readonly StatementKind[] = STATEMENT_KINDS,
): Promise<StatementTotal[]> {
  const rows = await ctx.db
    .select({
      kind: invoices.kind,
      currency: invoices.currency,
      chargedCurrency: invoices.chargedCurrency,
      amount: sql<number>`sum(case when ${invoices.kind} = 'fee' then ${invoices.feeAmount} else ${invoices.total} end)`,
      charged: sql<number>`coalesce(sum(${invoices.chargedAmount}), 0)`,
    })
    .from(invoices)
    .where(inRange(userId, range, kinds))
    .groupBy(invoices.kind, invoices.currency, invoices.chargedCurrency);
  const totals = new Map<string, StatementTotal>();
  for (const r of rows) {
    const key = `${r.kind}:${r.currency}`;
    const total = totals.get(key) ?? { kind: KIND_OF[r.kind], currency: r.currency, amount: 0, charged: [] };
    total.amount += Number(r.amount);
    if (r.chargedCurrency) total.charged.push({ currency: r.chargedCurrency, amount: Number(r.charged) });
    totals.set(key, total);
  }
  return [...totals.values()].sort(
    (a, b) => STATEMENT_KINDS.indexOf(a.kind) - STATEMENT_KINDS.indexOf(b.kind) || a.currency.localeCompare(b.currency),
  );
}

/** At most this many lines go into one export; a longer statement is exported a shorter range at a time. */
export const STATEMENT_EXPORT_MAX = 5_000;

/** Every line of the range for an export, newest first, read a page at a time. */
export async function allStatementLines(ctx: DomainContext, userId: string, range: DayRange): Promise<StatementLine[]> {
  const lines: StatementLine[] = [];
  let cursor: string | undefined;
  do {
    const page = await statementLines(ctx, userId, { range, limit: STATEMENT_PAGE_MAX, cursor });
    lines.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && lines.length < STATEMENT_EXPORT_MAX);
  return lines.slice(0, STATEMENT_EXPORT_MAX);
}
