import { eq } from "drizzle-orm";
import { users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { recordEvent } from "../shared/audit";
import { findUserByEmail } from "./accounts";
import { sendEmailSignInCode, verifySecondFactor, type SecondFactorResult } from "./mfa";
import type { RequestMeta } from "./sessions";
import { blockedError } from "./blocked";
import { authenticateWithPassword } from "./sign-in";
import { signPayload, verifyPayload } from "./signed";

/**
 * The web sign-in in two steps: the password first, then (when 2FA is on) a code on a second page.
 * Between the steps the browser holds a short-lived signed ticket, never a session: a session only
 * exists once every factor has been proved.
 */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;
export const MAX_FAILED_CODES_PER_USER = 5;
export const FAILED_CODE_WINDOW_MS = 30 * 60 * 1000;

const TICKET_TYPE = "web_sign_in_pending";
type PendingTicket = { typ: typeof TICKET_TYPE; sub: string; exp: number };

export type PasswordStepResult =
  { status: "signed_in"; user: User; mfaVerified: boolean } | { status: "code_required"; user: User; ticket: string; expiresAt: Date };

export async function signInWithPassword(
  ctx: DomainContext,
  input: { email: string; password: string; code?: string },
  meta: RequestMeta,
): Promise<PasswordStepResult> {
  try {
    const { user, mfaVerified } = await authenticateWithPassword(ctx, input, meta);
    return { status: "signed_in", user, mfaVerified };
  } catch (error) {
    // mfa_required is only raised after the password (and the block check) passed.
    if (!(error instanceof AppError) || error.code !== "mfa_required") throw error;
    const user = await findUserByEmail(ctx, input.email);
    if (!user) throw error;
    const expiresAt = new Date(ctx.clock.now().getTime() + PENDING_SIGN_IN_TTL_MS);
    const ticket = await signPayload(ctx.config.secret, { typ: TICKET_TYPE, sub: user.id, exp: expiresAt.getTime() });
    return { status: "code_required", user, ticket, expiresAt };
  }
}

async function ticketOwner(ctx: DomainContext, ticket: string): Promise<User | null> {
  const payload = await verifyPayload<PendingTicket>(ctx.config.secret, ticket, ctx.clock.now().getTime());
  if (!payload || payload.typ !== TICKET_TYPE || typeof payload.sub !== "string") return null;
  return (await ctx.db.query.users.findFirst({ where: eq(users.id, payload.sub) })) ?? null;
}

/** The account waiting for its second factor, or null when the ticket is forged, expired or the account blocked. */
export async function pendingSignInUser(ctx: DomainContext, ticket: string): Promise<User | null> {
  const user = await ticketOwner(ctx, ticket);
  return user && !user.blockedAt ? user : null;
}

function expired() {
  return new AppError(401, "sign_in_expired", "Your sign-in took too long. Please enter your email and password again.");
}

/** Second step: a TOTP, backup or emailed code. Wrong codes count per account (about 5 per 30 minutes). */
export async function completeSignInWithCode(
  ctx: DomainContext,
  ticket: string,
  code: string,
  meta: RequestMeta,
): Promise<{ user: User; method: Extract<SecondFactorResult, { ok: true }>["method"] }> {
  const user = await ticketOwner(ctx, ticket);
  if (!user) throw expired();
  if (user.blockedAt) throw blockedError(user);
  const key = `signin-code-fail:${user.id}`;
  const before = await ctx.rateLimiter.peek(key, MAX_FAILED_CODES_PER_USER, FAILED_CODE_WINDOW_MS);
  if (before.limited) {
    throw new AppError(429, "too_many_attempts", "Too many wrong codes. Please wait before trying again.", undefined, {
      "Retry-After": String(before.retryAfterSeconds),
    });
  }
  const result = await verifySecondFactor(ctx, user, code);
  if (!result.ok) {
    await ctx.rateLimiter.hit(key, MAX_FAILED_CODES_PER_USER, FAILED_CODE_WINDOW_MS);
    await recordEvent(ctx, {
      type: "auth.sign_in_failed",
      actorId: user.id,
      subjectType: "user",
      subjectId: user.id,
      ...meta,
      data: { reason: "invalid_code" },
    });
    throw new AppError(401, "invalid_code", "That code is not correct.", { code: ["That code is not correct."] });
  }
  return { user, method: result.method };
}

/** "Email me a code" on the second step. */
export async function emailCodeForPendingSignIn(ctx: DomainContext, ticket: string): Promise<void> {
  const user = await pendingSignInUser(ctx, ticket);
  if (!user) throw expired();
  await sendEmailSignInCode(ctx, user);
}
