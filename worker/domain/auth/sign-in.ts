import { and, eq } from "drizzle-orm";
import { events, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { recordEvent } from "../shared/audit";
import { findUserByEmail } from "./accounts";
import { blockedError } from "./blocked";
import { authEmails } from "./emails";
import { isMfaEnabled, sendEmailSignInCode, verifySecondFactor } from "./mfa";
import { consumeOneTimeToken } from "./one-time";
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import type { RequestMeta } from "./sessions";
import {
  clientOf,
  countPasswordFailure,
  countThrottledCodeFailure,
  FAILED_SIGN_IN_WINDOW_MS,
  passwordThrottle,
  throttledCodeState,
  throttledError,
} from "./sign-in-throttle";

/**
 * Checks email + password (+ second factor when on). Failures count per account and client (see
 * sign-in-throttle.ts); while the throttle holds, only the password together with an emailed code is tried.
 */
export async function authenticateWithPassword(
  ctx: DomainContext,
  input: { email: string; password: string; code?: string },
  meta: RequestMeta,
): Promise<{ user: User; mfaVerified: boolean }> {
  const client = clientOf(meta.ip);
  const throttle = await passwordThrottle(ctx, input.email, client);
  if (throttle.limited) return authenticateWhileThrottled(ctx, input, meta, throttle.retryAfterSeconds);

  const user = await findUserByEmail(ctx, input.email);
  // Verify against a decoy when there is no account, so both answers take about the same time.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !passwordOk) {
    await countFailure(ctx, input.email, client, user, meta, "invalid_credentials");
    throw invalidCredentials();
  }
  if (user.blockedAt) throw blockedError(user);

  let mfaVerified = false;
  if (await isMfaEnabled(ctx, user.id)) {
    if (!input.code)
      throw new AppError(401, "mfa_required", "Enter the code from your authenticator app, a backup code, or a code we email you.");
    const second = await verifySecondFactor(ctx, user, input.code);
    if (!second.ok) {
      await countFailure(ctx, input.email, client, user, meta, "invalid_code");
      throw invalidCode();
    }
    mfaVerified = true;
  }
  await rehashIfNeeded(ctx, user, input.password);
  return { user, mfaVerified };
}

/**
 * The emailed code is checked before the password, so a guesser without the owner's inbox learns nothing
 * about the password; the owner, who has both, signs in as usual.
 */
async function authenticateWhileThrottled(
  ctx: DomainContext,
  input: { email: string; password: string; code?: string },
  meta: RequestMeta,
  retryAfterSeconds: number,
): Promise<{ user: User; mfaVerified: boolean }> {
  if (!input.code) throw throttledError(retryAfterSeconds);
  const client = clientOf(meta.ip);
  const codes = await throttledCodeState(ctx, input.email, client);
  if (codes.limited) {
    throw new AppError(429, "too_many_attempts", "Too many wrong codes. Please wait before trying again.", undefined, {
      "Retry-After": String(codes.retryAfterSeconds),
    });
  }
  const user = await findUserByEmail(ctx, input.email);
  const codeOk = user ? Boolean(await consumeOneTimeToken(ctx, "email_code", input.code.trim(), user.id)) : false;
  if (!user || !codeOk) {
    await countThrottledCodeFailure(ctx, input.email, client);
    await recordFailure(ctx, user, meta, "invalid_code");
    throw invalidCode();
  }
  if (!user.passwordHash || !(await verifyPassword(input.password, user.passwordHash))) {
    await countFailure(ctx, input.email, client, user, meta, "invalid_credentials");
    throw invalidCredentials();
  }
  if (user.blockedAt) throw blockedError(user);
  await rehashIfNeeded(ctx, user, input.password);
  // Password and a code from the owner's inbox: two factors.
  return { user, mfaVerified: true };
}

/** "Email me a sign-in code": spent only when the password is right; the answer never says which it was. */
export async function emailSignInCode(ctx: DomainContext, input: { email: string; password: string }): Promise<void> {
  const user = await findUserByEmail(ctx, input.email);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (user?.passwordHash && passwordOk && !user.blockedAt) await sendEmailSignInCode(ctx, user);
}

const invalidCredentials = () => new AppError(401, "invalid_credentials", "The email or password is not correct.");
const invalidCode = () => new AppError(401, "invalid_code", "That code is not correct.");

async function rehashIfNeeded(ctx: DomainContext, user: User, password: string): Promise<void> {
  if (!user.passwordHash || !needsRehash(user.passwordHash)) return;
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
}

async function recordFailure(ctx: DomainContext, user: User | undefined, meta: RequestMeta, reason: string): Promise<void> {
  await recordEvent(ctx, {
    type: "auth.sign_in_failed",
    actorId: user?.id ?? null,
    subjectType: "user",
    subjectId: user?.id,
    ...meta,
    data: { reason },
  });
}

async function countFailure(ctx: DomainContext, email: string, client: string, user: User | undefined, meta: RequestMeta, reason: string) {
  const { accountCeilingReached } = await countPasswordFailure(ctx, email, client);
  await recordFailure(ctx, user, meta, reason);
  // Tell the owner once, at the attempt that takes the account past its ceiling.
  if (user && accountCeilingReached) {
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
