import { and, desc, eq, like, lt, or } from "drizzle-orm";
import { events } from "../../../db/schema";
import type { DomainContext } from "../context";

export const SECURITY_EVENT_PAGE_MAX = 100;

/** The account's own security trail (sign-ins, failures, 2FA and password changes), newest first. */
export async function listSecurityEvents(ctx: DomainContext, userId: string, options: { limit: number; cursor?: string }) {
  const limit = Math.min(Math.max(options.limit, 1), SECURITY_EVENT_PAGE_MAX);
  const mine = or(eq(events.actorId, userId), and(eq(events.subjectType, "user"), eq(events.subjectId, userId)));
  const rows = await ctx.db
    .select()
    .from(events)
    .where(and(mine, like(events.type, "auth.%"), options.cursor ? lt(events.id, options.cursor) : undefined))
    .orderBy(desc(events.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
