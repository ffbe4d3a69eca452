import { and, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { notifications, type Notification } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export const NOTIFICATION_PAGE_MAX = 50;

export function toNotificationView(n: Notification) {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    read: n.readAt !== null,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
export type NotificationView = ReturnType<typeof toNotificationView>;

function decodeCursor(cursor: string | undefined): { t: number; id: string } | null {
  if (!cursor) return null;
  const [t, id] = cursor.split("_");
  const time = Number(t);
  if (!Number.isSafeInteger(time) || !id) throw new AppError(400, "invalid_cursor", "This page cursor is not valid.");
  return { t: time, id };
}

/** The notification centre, newest first, with the unread count for the badge. */
export async function listNotifications(
  ctx: DomainContext,
  userId: string,
  input: { limit: number; cursor?: string; unreadOnly?: boolean },
) {
  const limit = Math.min(Math.max(input.limit, 1), NOTIFICATION_PAGE_MAX);
  const after = decodeCursor(input.cursor);
  const at = after ? new Date(after.t) : null;
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        at && after ? or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toNotificationView),
    nextCursor: rows.length > limit ? `${last.createdAt.getTime()}_${last.id}` : null,
    unreadCount: await unreadNotificationCount(ctx, userId),
  };
}

/** Unread notifications are counted up to this many: a badge shows "99+" beyond 99, so more is never counted. */
export const UNREAD_NOTIFICATIONS_CAP = 100;

/** The capped unread count as one batchable query, for a user id or the SQL of one (auth/viewer-reads.ts). */
export function unreadNotificationsQuery(ctx: DomainContext, userId: string | SQL) {
  return ctx.db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${notifications} WHERE ${notifications.userId} = ${userId} AND ${notifications.readAt} IS NULL LIMIT ${UNREAD_NOTIFICATIONS_CAP})`,
  );
}

/** Unread notifications, up to UNREAD_NOTIFICATIONS_CAP. */
export async function unreadNotificationCount(ctx: DomainContext, userId: string): Promise<number> {
  const [row] = await unreadNotificationsQuery(ctx, userId);
  return Number(row.n);
}

/** Marks one of the user's own notifications read; another user's id is "not found". */
export async function markNotificationRead(ctx: DomainContext, userId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found", "No such notification.");
  if (row.readAt) return toNotificationView(row);
  const [updated] = await ctx.db.update(notifications).set({ readAt: ctx.clock.now() }).where(eq(notifications.id, id)).returning();
  return toNotificationView(updated);
}

export async function markAllNotificationsRead(ctx: DomainContext, userId: string): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
