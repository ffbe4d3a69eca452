import { and, eq } from "drizzle-orm";
import { events, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { recordEvent } from "../ops/audit";
import { findUserByEmail, normalizeEmail } from "./accounts";
import { authEmails } from "./emails";
import { isMfaEnabled, verifySecondFactor } from "./mfa";
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import type { RequestMeta } from "./sessions";

export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_PER_ACCOUNT = 10;
export const MAX_FAILED_PER_IP = 100;

const accountKey = (email: string) => `signin-fail:account:${normalizeEmail(email)}`;
const ipKey = (ip: string) => `signin-fail:ip:${ip}`;

function tooMany(retryAfterSeconds: number) {
  return new AppError(429, "too_many_attempts", "Too many failed sign-in attempts. Please wait before trying again.", undefined, {
    "Retry-After": String(retryAfterSeconds),
  });
}

export function blockedError(user: User): AppError {
  return new AppError(
    403,
    "account_blocked",
    `This account is blocked: ${user.blockedReason ?? "a violation of our terms"}. To appeal, reply to the email we sent or open /appeal with your email address.`,
  );
}

/**
 * Checks email + password (+ second factor when on). Failures count per account and per IP; over the
 * limit, even the right password is refused until the window passes.
 */
export async function authenticateWithPassword(
  ctx: DomainContext,
  input: { email: string; password: string; code?: string },
  meta: RequestMeta,
): Promise<{ user: User; mfaVerified: boolean }> {
  const ip = meta.ip ?? "unknown";
  const [byAccount, byIp] = await Promise.all([
    ctx.rateLimiter.peek(accountKey(input.email), MAX_FAILED_PER_ACCOUNT, FAILED_SIGN_IN_WINDOW_MS),
    ctx.rateLimiter.peek(ipKey(ip), MAX_FAILED_PER_IP, FAILED_SIGN_IN_WINDOW_MS),
  ]);
  if (byAccount.limited || byIp.limited) throw tooMany(Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds));

  const user = await findUserByEmail(ctx, input.email);
  // Verify against a decoy when there is no account, so both answers take about the same time.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !passwordOk) {
    await countFailure(ctx, input.email, ip, user, meta, "invalid_credentials");
    throw new AppError(401, "invalid_credentials", "The email or password is not correct.");
  }
  if (user.blockedAt) throw blockedError(user);

  let mfaVerified = false;
  if (await isMfaEnabled(ctx, user.id)) {
    if (!input.code)
      throw new AppError(401, "mfa_required", "Enter the code from your authenticator app, a backup code, or a code we email you.");
    const second = await verifySecondFactor(ctx, user, input.code);
    if (!second.ok) {
      await countFailure(ctx, input.email, ip, user, meta, "invalid_code");
      throw new AppError(401, "invalid_code", "That code is not correct.");
    }
    mfaVerified = true;
  }
  if (needsRehash(user.passwordHash)) {
    await ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  return { user, mfaVerified };
}

async function countFailure(ctx: DomainContext, email: string, ip: string, user: User | undefined, meta: RequestMeta, reason: string) {
  const [byAccount] = await Promise.all([
    ctx.rateLimiter.hit(accountKey(email), MAX_FAILED_PER_ACCOUNT, FAILED_SIGN_IN_WINDOW_MS),
    ctx.rateLimiter.hit(ipKey(ip), MAX_FAILED_PER_IP, FAILED_SIGN_IN_WINDOW_MS),
  ]);
  await recordEvent(ctx, {
    type: "auth.sign_in_failed",
    actorId: user?.id ?? null,
    subjectType: "user",
    subjectId: user?.id,
    ...meta,
    data: { reason },
  });
  // Tell the owner once, at the attempt that crosses the limit.
  if (user && byAccount.count === MAX_FAILED_PER_ACCOUNT + 1) {
    await ctx.sendEmail(authEmails.accountLocked(user.email, user.name, FAILED_SIGN_IN_WINDOW_MS / 60_000));
  }
}

/** Records the sign-in; a device or network not seen before also gets the owner an email. */
export async function recordSignIn(ctx: DomainContext, user: User, meta: RequestMeta, method: string): Promise<void> {
  const known = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.actorId, user.id),
        eq(events.type, "auth.sign_in"),
        eq(events.ip, meta.ip ?? ""),
        eq(events.userAgent, meta.userAgent ?? ""),
      ),
    )
    .limit(1);
  const isNew = known.length === 0;
  await recordEvent(ctx, {
    type: "auth.sign_in",
    actorId: user.id,
    subjectType: "user",
    subjectId: user.id,
    ...meta,
    ip: meta.ip ?? "",
    userAgent: meta.userAgent ?? "",
    data: { method, newDevice: isNew },
  });
  const hadEarlierSignIn = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.actorId, user.id), eq(events.type, "auth.sign_in")))
    .limit(2);
  if (isNew && hadEarlierSignIn.length > 1) {
    const where = [meta.userAgent ?? "unknown device", meta.ip ? `IP ${meta.ip}` : null, meta.country ? `country ${meta.country}` : null]
      .filter(Boolean)
      .join(", ");
    await recordEvent(ctx, { type: "auth.new_device", actorId: user.id, subjectType: "user", subjectId: user.id, ...meta });
    await ctx.sendEmail(authEmails.newSignIn(user.email, user.name, where));
  }
}
