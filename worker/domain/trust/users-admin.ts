import { and, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { accountAppeals, fraudAlerts, sessions, users, type Role, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { escapeLike } from "../messaging/messages";
import { pageLimit, requireAdmin, type AdminActor } from "../auth/admin";
import { toAlertView } from "./alerts";
import { toAppealView } from "./appeals";
import { userRisk } from "./check";
import { activePayoutHold } from "../wallet/holds";

export function toAdminUserView(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    emailVerified: Boolean(u.emailVerifiedAt),
    blocked: Boolean(u.blockedAt),
    blockedAt: u.blockedAt?.toISOString() ?? null,
    blockedReason: u.blockedReason,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Users by name or email (substring) or exact id, with role and blocked filters, newest first. */
export async function searchUsers(
  ctx: DomainContext,
  actor: AdminActor,
  input: { q?: string; role?: Role; blocked?: boolean; cursor?: string; limit?: number },
) {
  requireAdmin(actor);
  const limit = pageLimit(input.limit);
  const where: SQL[] = [];
  if (input.q) {
    const pattern = `%${escapeLike(input.q.toLowerCase())}%`;
    where.push(
      or(sql`${users.email} like ${pattern} escape '\\'`, sql`lower(${users.name}) like ${pattern} escape '\\'`, eq(users.id, input.q))!,
    );
  }
  if (input.role) where.push(sql`exists (select 1 from json_each(${users.roles}) where value = ${input.role})`);
  if (input.blocked !== undefined) where.push(input.blocked ? isNotNull(users.blockedAt) : isNull(users.blockedAt));
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...where, input.cursor ? lt(users.id, input.cursor) : undefined))
    .orderBy(desc(users.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toAdminUserView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** One account as an admin sees it: risk now, alerts, appeals, payout hold and live sessions. */
export async function adminUserDetail(ctx: DomainContext, actor: AdminActor, userId: string) {
  requireAdmin(actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError(404, "not_found", "No such user.");
  const now = ctx.clock.now();
  const [risk, alerts, appeals, hold, liveSessions] = await Promise.all([
    userRisk(ctx, userId),
    ctx.db.select().from(fraudAlerts).where(eq(fraudAlerts.userId, userId)).orderBy(desc(fraudAlerts.id)).limit(20),
    ctx.db.select().from(accountAppeals).where(eq(accountAppeals.userId, userId)).orderBy(desc(accountAppeals.id)).limit(10),
    activePayoutHold(ctx, userId),
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > ${now.getTime()}`)),
  ]);
  return {
    user: toAdminUserView(user),
    risk,
    alerts: alerts.map((a) => toAlertView(a)),
    appeals: appeals.map((a) => toAppealView(a, null)),
    payoutHold: hold ? { id: hold.id, reason: hold.reason, createdAt: hold.createdAt.toISOString(), automatic: !hold.createdBy } : null,
    activeSessions: Number(liveSessions[0]?.n ?? 0),
  };
}
