import { and, desc, eq, lt, sql } from "drizzle-orm";
import { contracts, ledgerEntries, ledgerTransactions } from "../../../db/schema";
import type { DomainContext } from "../context";
import { ledgerAccounts } from "../ledger/accounts";
import { accountBalances } from "../ledger/balances";

export const WALLET_PAGE_MAX = 100;

export interface WalletBalance {
  currency: string;
  /** Earned and free to pay out. */
  available: number;
  /** Held for the freelancer's active contracts, before the platform fee; theirs once released. */
  pending: number;
}

/** Funds held for the freelancer's active contracts, per currency. */
async function heldForFreelancer(ctx: DomainContext, userId: string): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ currency: ledgerEntries.currency, held: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(
      sql`${ledgerEntries.account} in (select 'escrow:' || ${contracts.id} from ${contracts} where ${contracts.freelancerId} = ${userId} and ${contracts.status} = 'active')`,
    )
    .groupBy(ledgerEntries.currency);
  return new Map(rows.map((r) => [r.currency, Number(r.held)]));
}

export async function walletBalances(ctx: DomainContext, userId: string): Promise<WalletBalance[]> {
  const [available, pending] = await Promise.all([accountBalances(ctx, ledgerAccounts.freelancer(userId)), heldForFreelancer(ctx, userId)]);
  const currencies = new Set([...available.map((a) => a.currency), ...pending.keys()]);
  return [...currencies].sort().map((currency) => ({
    currency,
    available: available.find((a) => a.currency === currency)?.balance ?? 0,
    pending: pending.get(currency) ?? 0,
  }));
}

/** The freelancer's statement: every movement of their balance, newest first. */
export async function walletEntries(ctx: DomainContext, userId: string, input: { limit: number; cursor?: string }) {
  const limit = Math.min(Math.max(input.limit, 1), WALLET_PAGE_MAX);
  const rows = await ctx.db
    .select({ entry: ledgerEntries, txn: ledgerTransactions })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerEntries.account, ledgerAccounts.freelancer(userId)), input.cursor ? lt(ledgerEntries.id, input.cursor) : undefined))
    .orderBy(desc(ledgerEntries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ entry, txn }) => ({
      id: entry.id,
      transactionId: txn.id,
      kind: txn.kind,
      amount: entry.amount,
      currency: entry.currency,
      contractId: txn.contractId,
      milestoneId: txn.milestoneId,
      memo: txn.memo,
      createdAt: entry.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].entry.id : null,
  };
}

export async function getWallet(ctx: DomainContext, userId: string, input: { limit: number; cursor?: string }) {
  const [balances, entries] = await Promise.all([walletBalances(ctx, userId), walletEntries(ctx, userId, input)]);
  return { balances, entries };
}
