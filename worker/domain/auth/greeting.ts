import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { sessions } from "../../../db/schema";
import type { DomainContext } from "../context";
import type { SessionKey } from "./sessions";

export type Greeting = "Welcome" | "Welcome back";

/**
 * "Welcome" during a person's first session (the one signing up started), "Welcome back" ever after: an earlier
 * session of the user, as one batchable query for the session `key` names, its user given as SQL
 * (auth/viewer-reads.ts), so a page learns it in the same round trip as the session; read it with greetingFrom.
 */
export function greetingQuery(ctx: DomainContext, key: SessionKey, userId: SQL) {
  const own = "id" in key ? eq(sessions.id, key.id) : eq(sessions.tokenHash, key.tokenHash);
  return ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.createdAt, sql`(SELECT ${sessions.createdAt} FROM ${sessions} WHERE ${own})`)))
    .limit(1);
}

export function greetingFrom(rows: unknown[]): Greeting {
  return rows.length > 0 ? "Welcome back" : "Welcome";
}
