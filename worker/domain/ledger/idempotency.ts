import { eq } from "drizzle-orm";
import { ledgerTransactions, type LedgerKind, type LedgerTransaction } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The stored form of an `Idempotency-Key` header: scoped to the caller, so two users who happen to pick
 * the same key never see each other's results. Derived keys (no header) have their own prefixes.
 */
export function requestIdempotencyKey(actorId: string, headerKey: string): string {
  return `idem:${actorId}:${headerKey}`;
}

export async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function keyReused(): AppError {
  return new AppError(409, "idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key.");
}

/**
 * The ledger transaction a key already produced, if any. A key that produced something else is an error:
 * returning that other result would tell the caller their request happened when it did not.
 */
export async function priorTransaction(
  ctx: DomainContext,
  key: string,
  expect: { kind: LedgerKind; milestoneId?: string },
): Promise<LedgerTransaction | null> {
  const [prior] = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.idempotencyKey, key)).limit(1);
  if (!prior) return null;
  if (prior.kind !== expect.kind || (expect.milestoneId && prior.milestoneId !== expect.milestoneId)) throw keyReused();
  return prior;
}
