import type {
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  VerifiedRegistrationResponse,
} from "@simplewebauthn/server";
import { and, desc, eq } from "drizzle-orm";
import { passkeys, webauthnChallenges } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { authEmails } from "./emails";
import { PASSKEY_CHALLENGE_TTL_MS, relyingParty, storeChallenge, takeChallenge } from "./passkeys-challenges";
import { passkeyName, type RegistrationAnswer } from "./passkeys-schema";
import { requireRecentVerification, type RequestMeta, type Viewer } from "./sessions";
import { webauthn } from "./webauthn";

/** Keeps the list on one page and the allow-list of a sign-in request small. */
export const MAX_PASSKEYS_PER_USER = 20;

export type Passkey = typeof passkeys.$inferSelect;

const TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];

export function knownTransports(list: readonly string[] | null | undefined): AuthenticatorTransportFuture[] | undefined {
  const known = (list ?? []).filter((t): t is AuthenticatorTransportFuture => TRANSPORTS.includes(t));
  return known.length ? known : undefined;
}

/** The WebAuthn user handle: our user id as UTF-8, so a discoverable passkey names its account. */
export function userHandleFor(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}

async function ownPasskeys(ctx: DomainContext, userId: string): Promise<Passkey[]> {
  return ctx.db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(desc(passkeys.createdAt))
    .limit(MAX_PASSKEYS_PER_USER + 1);
}

function tooManyPasskeys() {
  return new AppError(
    409,
    "too_many_passkeys",
    `You can keep up to ${MAX_PASSKEYS_PER_USER} passkeys. Remove one you no longer use first.`,
  );
}

/** Options for navigator.credentials.create(); adding a way to sign in needs a recent sign-in. */
export async function beginPasskeyRegistration(ctx: DomainContext, viewer: Viewer): Promise<PublicKeyCredentialCreationOptionsJSON> {
  requireRecentVerification(ctx, viewer);
  const existing = await ownPasskeys(ctx, viewer.user.id);
  if (existing.length >= MAX_PASSKEYS_PER_USER) throw tooManyPasskeys();
  const rp = relyingParty(ctx);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: viewer.user.email,
    userDisplayName: viewer.user.name,
    userID: userHandleFor(viewer.user.id),
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: knownTransports(key.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(ctx, { purpose: "register", userId: viewer.user.id, challenge: options.challenge });
  return options;
}

function invalidRegistration(message = "We could not verify this passkey. Please try again.") {
  return new AppError(400, "invalid_passkey", message);
}

/** Checks the authenticator's answer to our challenge and stores the new credential. */
export async function finishPasskeyRegistration(
  ctx: DomainContext,
  viewer: Viewer,
  input: { name: string; response: RegistrationAnswer },
  meta: RequestMeta,
): Promise<Passkey> {
  const name = passkeyName.safeParse(input.name);
  if (!name.success)
    throw new AppError(422, "validation_failed", "Some fields are not valid.", { name: name.error.issues.map((i) => i.message) });
  const { decodeClientDataJSON, isoBase64URL, verifyRegistrationResponse } = await webauthn();
  let answered: string;
  try {
    answered = decodeClientDataJSON(input.response.response.clientDataJSON).challenge;
  } catch {
    throw invalidRegistration();
  }
  const stored = await takeChallenge(
    ctx,
    "register",
    and(eq(webauthnChallenges.challenge, answered), eq(webauthnChallenges.userId, viewer.user.id)),
  );
  if (!stored) throw invalidRegistration("This passkey request expired or was already used. Please start again.");

  const rp = relyingParty(ctx);
  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      response: {
        ...input.response,
        response: { ...input.response.response, transports: knownTransports(input.response.response.transports) },
      },
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      // A passkey must check who holds it (PIN or biometrics): it stands in for password and code.
      requireUserVerification: true,
    });
  } catch (error) {
    ctx.log("passkey registration refused", { userId: viewer.user.id, reason: String(error) });
    if (String(error).includes("User verification"))
      throw invalidRegistration("This passkey did not check it was you (PIN, fingerprint or face). Turn that on for it and try again.");
    throw invalidRegistration();
  }
  if (!verification.verified) throw invalidRegistration();

  const { credential } = verification.registrationInfo;
  const [taken] = await ctx.db.select({ userId: passkeys.userId }).from(passkeys).where(eq(passkeys.id, credential.id)).limit(1);
  if (taken) throw new AppError(409, "passkey_exists", "This passkey is already registered.");
  if ((await ownPasskeys(ctx, viewer.user.id)).length >= MAX_PASSKEYS_PER_USER) throw tooManyPasskeys();

  const now = ctx.clock.now();
  const [[passkey]] = await ctx.db.batch([
    ctx.db
      .insert(passkeys)
      .values({
        id: credential.id,
        userId: viewer.user.id,
        name: name.data,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? null,
        createdAt: now,
      })
      .returning(),
    auditStatement(ctx, {
      type: "auth.passkey_added",
      actorId: viewer.user.id,
      subjectType: "user",
      subjectId: viewer.user.id,
      ...meta,
      data: { passkeyId: credential.id, name: name.data },
    }),
  ]);
  await ctx.sendEmail(authEmails.twoFactorChanged(viewer.user.email, viewer.user.name, `a passkey named "${name.data}" was added`));
  return passkey;
}

export async function listPasskeys(ctx: DomainContext, viewer: Viewer): Promise<Passkey[]> {
  return (await ownPasskeys(ctx, viewer.user.id)).slice(0, MAX_PASSKEYS_PER_USER);
}

function notFound() {
  return new AppError(404, "not_found", "No such passkey on your account.");
}

export async function renamePasskey(ctx: DomainContext, viewer: Viewer, passkeyId: string, newName: string): Promise<Passkey> {
  const name = passkeyName.safeParse(newName);
  if (!name.success)
    throw new AppError(422, "validation_failed", "Some fields are not valid.", { name: name.error.issues.map((i) => i.message) });
  const [passkey] = await ctx.db
    .update(passkeys)
    .set({ name: name.data })
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, viewer.user.id)))
    .returning();
  if (!passkey) throw notFound();
  return passkey;
}

/** Removes one of the viewer's own passkeys; another user's passkey id is "not found". */
export async function removePasskey(ctx: DomainContext, viewer: Viewer, passkeyId: string, meta: RequestMeta): Promise<void> {
  const mine = and(eq(passkeys.id, passkeyId), eq(passkeys.userId, viewer.user.id));
  const [target] = await ctx.db.select().from(passkeys).where(mine).limit(1);
  if (!target) throw notFound();
  await ctx.db.batch([
    ctx.db.delete(passkeys).where(mine),
    auditStatement(ctx, {
      type: "auth.passkey_removed",
      actorId: viewer.user.id,
      subjectType: "user",
      subjectId: viewer.user.id,
      ...meta,
      data: { passkeyId: target.id, name: target.name },
    }),
  ]);
  await ctx.sendEmail(authEmails.twoFactorChanged(viewer.user.email, viewer.user.name, `the passkey named "${target.name}" was removed`));
}
