import { and, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { sessions, users, type Session, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { blockedError } from "./blocked";
import { activityStatement, recordActivity } from "../analytics/activity";
import { dayOf } from "../analytics/range";
import { generateSecretToken, hashToken } from "./tokens";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A sensitive action (password, 2FA, payouts) needs a sign-in or re-check within this window. */
export const REAUTH_WINDOW_MS = 15 * 60 * 1000;

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  country?: string | null;
}

export interface Viewer {
  user: User;
  session: Session;
}

export async function createSession(
  ctx: DomainContext,
  input: { userId: string; kind: "web" | "api"; mfaVerified: boolean; meta: RequestMeta },
): Promise<{ session: Session; token: string }> {
  const now = ctx.clock.now();
  const token = generateSecretToken();
  const [session] = await ctx.db
    .insert(sessions)
    .values({
      id: ctx.newId(),
      userId: input.userId,
      kind: input.kind,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      mfaVerified: input.mfaVerified,
      lastVerifiedAt: now,
      lastSeenAt: now,
      ip: input.meta.ip ?? null,
      userAgent: input.meta.userAgent ?? null,
      country: input.meta.country ?? null,
      createdAt: now,
    })
    .returning();
  await recordActivity(ctx, input.userId, now);
  return { session, token };
}

export type SessionKey = { tokenHash: string } | { id: string };

function sessionCondition(where: SessionKey) {
  return "id" in where ? eq(sessions.id, where.id) : eq(sessions.tokenHash, where.tokenHash);
}

/** The session and its user as one batchable query (see acceptLiveSession), so a page can read alongside it. */
export function liveSessionQuery(ctx: DomainContext, where: SessionKey) {
  return ctx.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(sessionCondition(where))
    .limit(1);
}

/**
 * The id of the user whose live session this is, as SQL: reads batched with liveSessionQuery filter by it, so
 * they return nothing for a dead session (and acceptLiveSession decides whether they are used at all).
 */
export function liveSessionUserIdSql(ctx: DomainContext, where: SessionKey): SQL {
  return sql`(SELECT ${sessions.userId} FROM ${sessions} WHERE ${sessionCondition(where)} AND ${sessions.revokedAt} IS NULL AND ${sessions.expiresAt} > ${ctx.clock.now().getTime()})`;
}

/**
 * Judges a loaded session: a blocked account is told why (with the way to appeal), an expired or revoked one is
 * null. Its first use each day counts the user as active and slides the expiry when less than half remains, in
 * one write.
 */
export async function acceptLiveSession(ctx: DomainContext, row: Viewer | undefined): Promise<Viewer | null> {
  if (!row) return null;
  const now = ctx.clock.now();
  const { session, user } = row;
  // A blocked account's token (live, or killed by the block) is told why, with the way to appeal.
  if (user.blockedAt) throw blockedError(user);
  if (session.revokedAt || session.expiresAt.getTime() <= now.getTime()) return null;
  const firstUseToday = dayOf(session.lastSeenAt) !== dayOf(now);
  const slide = session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2;
  if (firstUseToday || slide) {
    const expiresAt = slide ? new Date(now.getTime() + SESSION_TTL_MS) : session.expiresAt;
    const update = ctx.db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, session.id));
    // First use today: count the user as active (analytics) and remember when the session was last used.
    if (firstUseToday) await ctx.db.batch([activityStatement(ctx, user.id, now), update]);
    else await update;
    session.expiresAt = expiresAt;
    session.lastSeenAt = now;
  }
  return { session, user };
}

/** Loads a live session and its user (one round trip, plus one write on its first use each day). */
export async function loadLiveSession(ctx: DomainContext, where: SessionKey): Promise<Viewer | null> {
  const [row] = await liveSessionQuery(ctx, where);
  return acceptLiveSession(ctx, row);
}

export function validateSessionToken(ctx: DomainContext, token: string): Promise<Viewer | null> {
  return loadLiveSession(ctx, { tokenHash: hashToken(token) });
}

export async function revokeSession(ctx: DomainContext, sessionId: string): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes one of the viewer's own sessions; another user's session id is "not found". */
export async function revokeOwnSession(ctx: DomainContext, viewer: Viewer, sessionId: string): Promise<void> {
  const [target] = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, viewer.user.id)))
    .limit(1);
  if (!target || target.revokedAt) throw new AppError(404, "not_found", "No such active session.");
  await revokeSession(ctx, sessionId);
}

export function revokeOtherSessionsStatement(ctx: DomainContext, userId: string, keepSessionId?: string) {
  const base = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  return ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(keepSessionId ? and(base, ne(sessions.id, keepSessionId)) : base);
}

export async function listActiveSessions(ctx: DomainContext, userId: string) {
  const now = ctx.clock.now().getTime();
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
  return rows.filter((s) => s.expiresAt.getTime() > now);
}

/** Marks that the user just proved who they are (password, code or passkey). */
export async function markSessionVerified(ctx: DomainContext, sessionId: string, mfaVerified?: boolean): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ lastVerifiedAt: ctx.clock.now(), ...(mfaVerified === undefined ? {} : { mfaVerified }) })
    .where(eq(sessions.id, sessionId));
}

export function requireRecentVerification(ctx: DomainContext, viewer: Viewer): void {
  if (ctx.clock.now().getTime() - viewer.session.lastVerifiedAt.getTime() > REAUTH_WINDOW_MS) {
    throw new AppError(403, "reauthentication_required", "Please confirm your password or a code to continue.");
  }
}
