import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { events, users } from "../../../db/schema";
import type { DomainContext } from "../context";
import { escapeLike } from "../messaging/messages";
import { pageLimit, requireAdmin, type AdminActor } from "../auth/admin";

/** The audit trail, newest first, filtered by event type (prefix, e.g. "admin."), actor or subject. */
export async function listAuditEvents(
  ctx: DomainContext,
  actor: AdminActor,
  input: { type?: string; actorId?: string; subjectId?: string; cursor?: string; limit?: number },
) {
  requireAdmin(actor);
  const limit = pageLimit(input.limit, 50);
  const where: SQL[] = [];
  if (input.type)
    where.push(
      input.type.endsWith(".") ? sql`${events.type} like ${`${escapeLike(input.type)}%`} escape '\\'` : eq(events.type, input.type),
    );
  if (input.actorId) where.push(eq(events.actorId, input.actorId));
  if (input.subjectId) where.push(eq(events.subjectId, input.subjectId));
  const rows = await ctx.db
    .select({ event: events, actorName: users.name, actorEmail: users.email })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(...where, input.cursor ? lt(events.id, input.cursor) : undefined))
    .orderBy(desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ event: e, actorName, actorEmail }) => ({
      id: e.id,
      type: e.type,
      actorId: e.actorId,
      actor: actorName ? { name: actorName, email: actorEmail } : null,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      ip: e.ip,
      country: e.country,
      data: e.data,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].event.id : null,
  };
}
