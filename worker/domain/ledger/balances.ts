import { and, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions, milestones } from "../../../db/schema";
import type { DomainContext } from "../context";
import { escrowAccountSql, ledgerAccounts } from "./accounts";

export interface CurrencyBalance {
  currency: string;
  balance: number;
}

/** An account's balance per currency, summed from its entries (balances are never stored). */
export async function accountBalances(ctx: DomainContext, account: string): Promise<CurrencyBalance[]> {
  const rows = await ctx.db
    .select({ currency: ledgerEntries.currency, balance: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.account, account))
    .groupBy(ledgerEntries.currency)
    .orderBy(ledgerEntries.currency);
  return rows.map((r) => ({ currency: r.currency, balance: Number(r.balance) }));
}

export async function accountBalance(ctx: DomainContext, account: string, currency: string): Promise<number> {
  const [row] = await ctx.db
    .select({ balance: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.currency, currency)));
  return Number(row?.balance ?? 0);
}

export interface HeldFunds {
  /** Everything that came in for it. */
  funded: number;
  /** Paid out to the freelancer (before the platform fee). */
  released: number;
  refunded: number;
  /** What is still held: funded - released - refunded. */
  held: number;
}

export const NO_FUNDS: HeldFunds = Object.freeze({ funded: 0, released: 0, refunded: 0, held: 0 });

/** Adds one ledger sum (all entries of one transaction kind) to a milestone's or contract's funds. */
function withLedgerSum(funds: HeldFunds, kind: string, total: number): HeldFunds {
  const next = { ...funds };
  if (kind === "funding") next.funded += total;
  else if (kind === "release") next.released -= total;
  else if (kind === "refund") next.refunded -= total;
  next.held += total;
  return next;
}

/** Funding, releases and refunds per milestone, read from the contract's escrow account. */
export async function milestoneFunds(ctx: DomainContext, contractIds: string[]): Promise<Map<string, HeldFunds>> {
  const result = new Map<string, HeldFunds>();
  if (contractIds.length === 0) return result;
  const rows = await ctx.db
    .select({
      milestoneId: ledgerTransactions.milestoneId,
      kind: ledgerTransactions.kind,
      total: sql<number>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(inArray(ledgerEntries.account, contractIds.map(ledgerAccounts.escrow)))
    .groupBy(ledgerTransactions.milestoneId, ledgerTransactions.kind);
  for (const row of rows) {
    if (!row.milestoneId) continue;
    result.set(row.milestoneId, withLedgerSum(result.get(row.milestoneId) ?? NO_FUNDS, row.kind, Number(row.total)));
  }
  return result;
}

/**
 * The funds of each contract that `contractIds` selects (a subquery of ids), summed over its milestones from its
 * escrow account, as one batchable query: a list reads them in the same round trip as its page. Fold the rows
 * with contractFundsFrom.
 */
export function contractFundsQuery(ctx: DomainContext, contractIds: SQLWrapper) {
  return ctx.db
    .select({
      contractId: milestones.contractId,
      kind: ledgerTransactions.kind,
      total: sql<number>`sum(${ledgerEntries.amount})`,
    })
    .from(milestones)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.milestoneId, milestones.id))
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(and(inArray(milestones.contractId, contractIds), eq(ledgerEntries.account, escrowAccountSql(milestones.contractId))))
    .groupBy(milestones.contractId, ledgerTransactions.kind);
}

export function contractFundsFrom(rows: Awaited<ReturnType<typeof contractFundsQuery>>): Map<string, HeldFunds> {
  const result = new Map<string, HeldFunds>();
  for (const row of rows) result.set(row.contractId, withLedgerSum(result.get(row.contractId) ?? NO_FUNDS, row.kind, Number(row.total)));
  return result;
}

export function sumFunds(list: Iterable<HeldFunds>): HeldFunds {
  const total = { ...NO_FUNDS };
  for (const f of list) {
    total.funded += f.funded;
    total.released += f.released;
    total.refunded += f.refunded;
    total.held += f.held;
  }
  return total;
}
