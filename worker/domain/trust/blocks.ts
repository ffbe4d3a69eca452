import { and, eq, inArray, isNull } from "drizzle-orm";
import { accountAppeals, fraudAlerts, OPEN_ALERT_STATUSES, sessions, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { auditMeta, requireAdmin, type AdminActor } from "../auth/admin";
import { hashToken } from "../auth/tokens";
import { trustEmails } from "./emails";

export const APPEAL_PATH = "/appeal";

async function requireTarget(ctx: DomainContext, userId: string): Promise<User> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError(404, "not_found", "No such user.");
  return user;
}

/**
 * Blocks an account: it can no longer sign in by any method, every session and API token dies in the same
 * write, and the owner is told why and how to appeal. Given an alert, the alert is resolved with it.
 */
export async function blockUser(
  ctx: DomainContext,
  actor: AdminActor,
  userId: string,
  input: { reason: string; alertId?: string | null },
): Promise<User> {
  requireAdmin(actor);
  const target = await requireTarget(ctx, userId);
  if (target.id === actor.user.id) throw new AppError(409, "cannot_block_self", "You cannot block your own account.");
  if (target.blockedAt) throw new AppError(409, "already_blocked", "This account is already blocked.");
  const alert = input.alertId ? (await ctx.db.select().from(fraudAlerts).where(eq(fraudAlerts.id, input.alertId)).limit(1))[0] : undefined;
  if (input.alertId && (!alert || alert.userId !== userId))
    throw new AppError(422, "validation_failed", "That alert is not about this account.", {
      alertId: ["Not an alert about this account."],
    });
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.update(users).set({ blockedAt: now, blockedReason: input.reason, updatedAt: now }).where(eq(users.id, userId)),
    ctx.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
    ...(alert && (OPEN_ALERT_STATUSES as readonly string[]).includes(alert.status)
      ? [
          ctx.db
            .update(fraudAlerts)
            .set({ status: "resolved", note: `Account blocked: ${input.reason}`, decidedBy: actor.user.id, decidedAt: now, updatedAt: now })
            .where(and(eq(fraudAlerts.id, alert.id), inArray(fraudAlerts.status, [...OPEN_ALERT_STATUSES]))),
        ]
      : []),
    auditStatement(ctx, {
      type: "admin.user_blocked",
      ...auditMeta(actor),
      subjectType: "user",
      subjectId: userId,
      data: { reason: input.reason, alertId: alert?.id ?? null },
    }),
  ]);
  await ctx.sendEmail(trustEmails.blocked(target.email, target.name, input.reason, `${ctx.config.appOrigin}${APPEAL_PATH}`));
  return requireTarget(ctx, userId);
}

/** Lifts a block; a pending appeal of the account is accepted with it. */
export async function unblockUser(ctx: DomainContext, actor: AdminActor, userId: string, input: { reason: string }): Promise<User> {
  requireAdmin(actor);
  const target = await requireTarget(ctx, userId);
  if (!target.blockedAt) throw new AppError(409, "not_blocked", "This account is not blocked.");
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.update(users).set({ blockedAt: null, blockedReason: null, updatedAt: now }).where(eq(users.id, userId)),
    ctx.db
      .update(accountAppeals)
      .set({ status: "accepted", decisionNote: input.reason, decidedBy: actor.user.id, decidedAt: now })
      .where(and(eq(accountAppeals.userId, userId), eq(accountAppeals.status, "pending"))),
    auditStatement(ctx, {
      type: "admin.user_unblocked",
      ...auditMeta(actor),
      subjectType: "user",
      subjectId: userId,
      data: { reason: input.reason, previousReason: target.blockedReason },
    }),
  ]);
  await ctx.sendEmail(trustEmails.unblocked(target.email, target.name, `${ctx.config.appOrigin}/sign-in`));
  return requireTarget(ctx, userId);
}

/** The blocked account behind a session token (live or ended), so the appeal page can greet its owner. */
export async function blockedAccountForSessionToken(
  ctx: DomainContext,
  token: string,
): Promise<{ email: string; reason: string | null } | null> {
  const [row] = await ctx.db
    .select({ email: users.email, reason: users.blockedReason, blockedAt: users.blockedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .limit(1);
  return row?.blockedAt ? { email: row.email, reason: row.reason } : null;
}
