import type { BatchItem } from "drizzle-orm/batch";
import { ledgerEntries, ledgerTransactions, type LedgerKind } from "../../../db/schema";
import type { DomainContext } from "../context";

export interface Posting {
  account: string;
  /** Signed minor units: positive adds to the account, negative takes from it. */
  amount: number;
  /** Defaults to the transaction's currency. */
  currency?: string;
}

export interface LedgerTransactionInput {
  kind: LedgerKind;
  idempotencyKey: string;
  currency: string;
  contractId?: string | null;
  milestoneId?: string | null;
  actorId?: string | null;
  memo?: string | null;
  postings: Posting[];
}

/** A ledger transaction that would break the books: a bug in our code, never the user's fault. */
export class UnbalancedTransactionError extends Error {}

/** Sum of amounts per currency; every value must be 0 for a balanced transaction. */
export function sumsByCurrency(postings: Required<Posting>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const p of postings) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.amount);
  return sums;
}

/** Drops zero lines and refuses anything that is not integer minor units balanced in every currency. */
export function balancedPostings(input: Pick<LedgerTransactionInput, "currency" | "postings">): Required<Posting>[] {
  const postings = input.postings
    .map((p) => ({ account: p.account, amount: p.amount, currency: p.currency ?? input.currency }))
    .filter((p) => p.amount !== 0);
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount))
      throw new UnbalancedTransactionError(`Amount ${p.amount} on ${p.account} is not integer minor units`);
    if (!p.account) throw new UnbalancedTransactionError("A posting has no account");
  }
  if (postings.length < 2) throw new UnbalancedTransactionError("A ledger transaction needs at least two non-zero postings");
  for (const [currency, sum] of sumsByCurrency(postings)) {
    if (sum !== 0) throw new UnbalancedTransactionError(`Postings in ${currency} sum to ${sum}, not 0`);
  }
  return postings;
}

/**
 * The insert statements for one balanced transaction, to go in the same `db.batch` as the change that
 * causes it. The idempotency key is unique: a second batch with the same key fails as a whole.
 */
export function ledgerTransactionStatements(
  ctx: DomainContext,
  input: LedgerTransactionInput,
): { id: string; statements: BatchItem<"sqlite">[] } {
  const postings = balancedPostings(input);
  const id = ctx.newId();
  const createdAt = ctx.clock.now();
  const statements: BatchItem<"sqlite">[] = [
    ctx.db.insert(ledgerTransactions).values({
      id,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      contractId: input.contractId ?? null,
      milestoneId: input.milestoneId ?? null,
      currency: input.currency,
      actorId: input.actorId ?? null,
      memo: input.memo ?? null,
      createdAt,
    }),
    ctx.db.insert(ledgerEntries).values(postings.map((p) => ({ id: ctx.newId(), transactionId: id, ...p, createdAt }))),
  ];
  return { id, statements };
}
