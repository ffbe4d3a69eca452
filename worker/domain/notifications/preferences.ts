import { and, eq, sql } from "drizzle-orm";
import { notificationPreferences } from "../../../db/schema";
import { signPayload, verifyPayload } from "../auth/signed";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { NOTIFICATION_TYPE_NAMES, isKnownNotificationType, type ChannelPreference } from "./types";

export const DEFAULT_PREFERENCE: ChannelPreference = { email: true, inApp: true };
/** Unsubscribe links must keep working for old emails, so they expire far ahead. */
export const UNSUBSCRIBE_TOKEN_TTL_MS = 10 * 365 * 24 * 60 * 60 * 1000;

export async function preferenceFor(ctx: DomainContext, userId: string, type: string): Promise<ChannelPreference> {
  const row = await ctx.db.query.notificationPreferences.findFirst({
    where: and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.type, type)),
  });
  return row ? { email: row.email, inApp: row.inApp } : DEFAULT_PREFERENCE;
}

/** Every known type with the user's choice (defaults filled in). */
export async function getNotificationPreferences(ctx: DomainContext, userId: string): Promise<Record<string, ChannelPreference>> {
  const rows = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const result: Record<string, ChannelPreference> = {};
  for (const type of NOTIFICATION_TYPE_NAMES) result[type] = { ...DEFAULT_PREFERENCE };
  for (const row of rows) result[row.type] = { email: row.email, inApp: row.inApp };
  return result;
}

/** Changes the given types only; a channel left out keeps its current value. Unknown types are refused. */
export async function updateNotificationPreferences(
  ctx: DomainContext,
  userId: string,
  changes: Record<string, Partial<ChannelPreference>>,
): Promise<Record<string, ChannelPreference>> {
  const unknown = Object.keys(changes).filter((type) => !isKnownNotificationType(type));
  if (unknown.length > 0) {
    const fields = Object.fromEntries(unknown.map((type) => [`preferences.${type}`, ["Unknown notification type."]]));
    throw new AppError(422, "unknown_notification_type", `Unknown notification type: ${unknown.join(", ")}.`, fields);
  }
  const current = await getNotificationPreferences(ctx, userId);
  const now = ctx.clock.now();
  const statements = Object.entries(changes).map(([type, change]) => {
    const next = { ...current[type], ...definedOnly(change) };
    return ctx.db
      .insert(notificationPreferences)
      .values({ userId, type, email: next.email, inApp: next.inApp, updatedAt: now })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { email: sql`excluded.email`, inApp: sql`excluded.in_app`, updatedAt: now },
      });
  });
  if (statements.length > 0) await ctx.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return getNotificationPreferences(ctx, userId);
}

function definedOnly(change: Partial<ChannelPreference>): Partial<ChannelPreference> {
  const out: Partial<ChannelPreference> = {};
  if (typeof change.email === "boolean") out.email = change.email;
  if (typeof change.inApp === "boolean") out.inApp = change.inApp;
  return out;
}

type UnsubscribePayload = { userId: string; type: string; exp: number; typ: "unsubscribe" };

export function unsubscribeToken(ctx: DomainContext, userId: string, type: string): Promise<string> {
  return signPayload(ctx.config.secret, { userId, type, exp: ctx.clock.now().getTime() + UNSUBSCRIBE_TOKEN_TTL_MS, typ: "unsubscribe" });
}

export async function unsubscribeUrl(ctx: DomainContext, userId: string, type: string): Promise<string> {
  return `${ctx.config.appOrigin}/api/notifications/unsubscribe?token=${encodeURIComponent(await unsubscribeToken(ctx, userId, type))}`;
}

/** One-click unsubscribe from an email link (no sign-in): turns email off for that type. */
export async function unsubscribeFromEmail(ctx: DomainContext, token: string): Promise<{ userId: string; type: string }> {
  const payload = await verifyPayload<UnsubscribePayload>(ctx.config.secret, token, ctx.clock.now().getTime());
  if (!payload || payload.typ !== "unsubscribe" || typeof payload.userId !== "string" || typeof payload.type !== "string") {
    throw new AppError(400, "invalid_token", "This unsubscribe link is not valid.");
  }
  const current = await preferenceFor(ctx, payload.userId, payload.type);
  const user = await ctx.db.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, payload.userId), columns: { id: true } });
  if (!user) throw new AppError(400, "invalid_token", "This unsubscribe link is not valid.");
  await ctx.db
    .insert(notificationPreferences)
    .values({ userId: payload.userId, type: payload.type, email: false, inApp: current.inApp, updatedAt: ctx.clock.now() })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.type],
      set: { email: false, updatedAt: ctx.clock.now() },
    });
  return { userId: payload.userId, type: payload.type };
}
