import type { BatchItem } from "drizzle-orm/batch";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

/** A unique idempotency key was already taken: the caller looks up and returns the first attempt. */
export class DuplicateKeyError extends Error {
  constructor(readonly table: string) {
    super(`Idempotency key already used in ${table}`);
  }
}

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error) parts.push(current.message);
    else parts.push(String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(" | ");
}

/** Maps the database's guards (migrations/0005_money_guards.sql, unique keys) to errors callers handle. */
export function translateMoneyError(error: unknown): unknown {
  const message = messagesOf(error);
  const duplicate = /UNIQUE constraint failed: (\w+)\.idempotency_key/.exec(message);
  if (duplicate) return new DuplicateKeyError(duplicate[1]);
  if (message.includes("stale_write")) {
    return new AppError(409, "changed_meanwhile", "This contract changed while you were acting on it. Reload it and try again.");
  }
  if (message.includes("payments_live_milestone_unique") || /UNIQUE constraint failed: payments\.milestone_id/.test(message)) {
    return new AppError(409, "already_funding", "This milestone already has a payment. Reload it to see where it stands.");
  }
  if (message.includes("milestone_disputed")) {
    return new AppError(409, "milestone_disputed", "This milestone is under dispute: its funds are frozen until the dispute is resolved.");
  }
  if (message.includes("ledger_overdraw")) {
    return new AppError(409, "insufficient_funds", "There is not enough money for this. Reload and check the amounts.");
  }
  return error;
}

export function isChangedMeanwhile(error: unknown): boolean {
  return error instanceof AppError && error.code === "changed_meanwhile";
}

/** One atomic write of a money movement and everything recorded with it. */
export async function commitMoneyBatch(ctx: DomainContext, items: BatchItem<"sqlite">[]): Promise<unknown[]> {
  if (items.length === 0) return [];
  try {
    return await ctx.db.batch(items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (error) {
    throw translateMoneyError(error);
  }
}
