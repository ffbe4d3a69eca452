import { and, eq, inArray, sql } from "drizzle-orm";
import { ledgerEntries, ledgerTransactions } from "../../../db/schema";
import type { DomainContext } from "../context";
import { ledgerAccounts } from "./accounts";

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
    const funds = { ...(result.get(row.milestoneId) ?? NO_FUNDS) };
    const total = Number(row.total);
    if (row.kind === "funding") funds.funded += total;
    else if (row.kind === "release") funds.released -= total;
    else if (row.kind === "refund") funds.refunded -= total;
    funds.held += total;
    result.set(row.milestoneId, funds);
  }
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
