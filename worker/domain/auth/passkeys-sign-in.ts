import type {
  AuthenticatorTransportFuture,
  PublicKeyCredentialRequestOptionsJSON,
  VerifiedAuthenticationResponse,
} from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { passkeys, users, webauthnChallenges, type Session, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { recordEvent } from "../shared/audit";
import { findUserByEmail, normalizeEmail } from "./accounts";
import { knownTransports, MAX_PASSKEYS_PER_USER, type Passkey } from "./passkeys";
import { PASSKEY_CHALLENGE_TTL_MS, relyingParty, storeChallenge, takeChallenge, type StoredChallenge } from "./passkeys-challenges";
import type { AuthenticationAnswer } from "./passkeys-schema";
import { createSession, markSessionVerified, type RequestMeta, type Viewer } from "./sessions";
import { blockedError } from "./blocked";
import { recordSignIn } from "./sign-in";
import { webauthn } from "./webauthn";

/** Unauthenticated requests for sign-in options write a row each, so they are capped per IP. */
export const PASSKEY_OPTIONS_PER_IP = 30;
export const PASSKEY_OPTIONS_WINDOW_MS = 60 * 1000;

export interface PasskeyChallenge {
  /** Opaque handle the answer is sent back with. */
  challengeId: string;
  options: PublicKeyCredentialRequestOptionsJSON;
}

export interface PasskeyAnswer {
  challengeId: string;
  response: AuthenticationAnswer;
}

type AllowList = { id: string; transports?: AuthenticatorTransportFuture[] }[];

function signInRefused() {
  return new AppError(401, "invalid_passkey", "We could not sign you in with this passkey. Please try again.");
}

function confirmationRefused() {
  return new AppError(400, "invalid_passkey", "We could not confirm it was you with this passkey. Please try again.");
}

async function createAssertionChallenge(
  ctx: DomainContext,
  userId: string | null,
  allowCredentials?: AllowList,
): Promise<PasskeyChallenge> {
  const rp = relyingParty(ctx);
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials,
    // Sign-in with a passkey replaces password and code, so the authenticator must verify the user.
    userVerification: "required",
    timeout: PASSKEY_CHALLENGE_TTL_MS,
  });
  const challengeId = await storeChallenge(ctx, { purpose: "authenticate", userId, challenge: options.challenge });
  return { challengeId, options };
}

/**
 * A stable fake credential id for an email with no passkeys, so the answer does not reveal whether
 * an account (or a passkey) exists for that address.
 */
async function decoyCredentialId(ctx: DomainContext, email: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(ctx.config.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`passkey-decoy:${normalizeEmail(email)}`));
  const { isoBase64URL } = await webauthn();
  return isoBase64URL.fromBuffer(new Uint8Array(mac));
}

/** Options for navigator.credentials.get(): for one account when an email is given, else discoverable. */
export async function beginPasskeySignIn(
  ctx: DomainContext,
  input: { email?: string | null },
  meta: RequestMeta,
): Promise<PasskeyChallenge> {
  const decision = await ctx.rateLimiter.hit(
    `passkey-options:ip:${meta.ip ?? "unknown"}`,
    PASSKEY_OPTIONS_PER_IP,
    PASSKEY_OPTIONS_WINDOW_MS,
  );
  if (decision.limited) {
    throw new AppError(429, "too_many_attempts", "Too many sign-in attempts. Please wait before trying again.", undefined, {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
  if (!input.email) return createAssertionChallenge(ctx, null);
  const user = await findUserByEmail(ctx, input.email);
  const keys = user
    ? await ctx.db
        .select({ id: passkeys.id, transports: passkeys.transports })
        .from(passkeys)
        .where(eq(passkeys.userId, user.id))
        .limit(MAX_PASSKEYS_PER_USER)
    : [];
  const allow = keys.length
    ? keys.map((k) => ({ id: k.id, transports: knownTransports(k.transports) }))
    : [{ id: await decoyCredentialId(ctx, input.email), transports: ["internal", "hybrid"] as AuthenticatorTransportFuture[] }];
  return createAssertionChallenge(ctx, user?.id ?? null, allow);
}

async function userHandleMatches(userHandle: string, userId: string): Promise<boolean> {
  const { isoBase64URL } = await webauthn();
  try {
    return isoBase64URL.toUTF8String(userHandle) === userId;
  } catch {
    return false;
  }
}

/**
 * Checks a signed answer to a stored challenge: the credential exists (and belongs to the expected
 * user, if the challenge named one), the signature is good, the user was verified, the counter moved
 * forward. On success the new counter and last use are saved.
 */
async function verifyAssertion(
  ctx: DomainContext,
  stored: StoredChallenge,
  response: AuthenticationAnswer,
  meta: RequestMeta,
  refused: () => AppError,
): Promise<{ user: User; passkey: Passkey }> {
  const [row] = await ctx.db
    .select({ passkey: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, response.id))
    .limit(1);
  if (!row || response.rawId !== response.id) throw refused();
  const { passkey, user } = row;
  const fail = async (reason: string) => {
    await recordEvent(ctx, {
      type: "auth.sign_in_failed",
      actorId: user.id,
      subjectType: "user",
      subjectId: user.id,
      ...meta,
      data: { reason, method: "passkey", passkeyId: passkey.id },
    });
    return refused();
  };
  if (stored.userId && stored.userId !== user.id) throw await fail("passkey_not_allowed");
  const userHandle = response.response.userHandle ?? undefined;
  if (userHandle && !(await userHandleMatches(userHandle, user.id))) throw await fail("user_handle_mismatch");

  const rp = relyingParty(ctx);
  const { isoBase64URL, verifyAuthenticationResponse } = await webauthn();
  let verification: VerifiedAuthenticationResponse;
  try {
    verification = await verifyAuthenticationResponse({
      response: { ...response, response: { ...response.response, userHandle } },
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: knownTransports(passkey.transports),
      },
      requireUserVerification: true,
    });
  } catch (error) {
    ctx.log("passkey assertion refused", { userId: user.id, reason: String(error) });
    // A counter that does not move forward can mean a cloned authenticator.
    throw await fail(/counter/i.test(String(error)) ? "counter_not_increased" : "invalid_assertion");
  }
  if (!verification.verified) throw await fail("invalid_assertion");
  if (user.blockedAt) throw blockedError(user);

  const [updated] = await ctx.db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: ctx.clock.now() })
    .where(and(eq(passkeys.id, passkey.id), eq(passkeys.counter, passkey.counter)))
    .returning();
  if (!updated) throw await fail("counter_not_increased");
  return { user, passkey: updated };
}

/** Verifies a passwordless sign-in answer and returns the account it proves; no session yet. */
export async function finishPasskeySignIn(
  ctx: DomainContext,
  input: PasskeyAnswer,
  meta: RequestMeta,
): Promise<{ user: User; passkey: Passkey }> {
  const stored = await takeChallenge(ctx, "authenticate", eq(webauthnChallenges.id, input.challengeId));
  if (!stored) throw signInRefused();
  return verifyAssertion(ctx, stored, input.response, meta, signInRefused);
}

/**
 * Passwordless sign-in: verifies the answer, then opens a session. Possession of the passkey plus
 * the authenticator's user verification make it two factors, so the session counts as MFA-verified.
 */
export async function signInWithPasskey(
  ctx: DomainContext,
  input: PasskeyAnswer,
  meta: RequestMeta,
  kind: "web" | "api",
): Promise<{ user: User; session: Session; token: string }> {
  const { user } = await finishPasskeySignIn(ctx, input, meta);
  const { session, token } = await createSession(ctx, { userId: user.id, kind, mfaVerified: true, meta });
  await recordSignIn(ctx, user, meta, "passkey");
  return { user, session, token };
}

/** Options for a signed-in user to confirm it is them with one of their passkeys (a second factor). */
export async function beginPasskeyConfirmation(ctx: DomainContext, viewer: Viewer): Promise<PasskeyChallenge> {
  const keys = await ctx.db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, viewer.user.id))
    .limit(MAX_PASSKEYS_PER_USER);
  if (!keys.length) throw new AppError(409, "no_passkeys", "Add a passkey to your account first.");
  return createAssertionChallenge(
    ctx,
    viewer.user.id,
    keys.map((k) => ({ id: k.id, transports: knownTransports(k.transports) })),
  );
}

/** Marks the viewer's session as just verified and MFA-verified after a good passkey answer. */
export async function confirmWithPasskey(ctx: DomainContext, viewer: Viewer, input: PasskeyAnswer, meta: RequestMeta): Promise<void> {
  const stored = await takeChallenge(
    ctx,
    "authenticate",
    and(eq(webauthnChallenges.id, input.challengeId), eq(webauthnChallenges.userId, viewer.user.id)),
  );
  if (!stored) throw confirmationRefused();
  await verifyAssertion(ctx, stored, input.response, meta, confirmationRefused);
  await markSessionVerified(ctx, viewer.session.id, true);
  await recordEvent(ctx, {
    type: "auth.reauthenticated",
    actorId: viewer.user.id,
    subjectType: "session",
    subjectId: viewer.session.id,
    ...meta,
    data: { method: "passkey" },
  });
}
