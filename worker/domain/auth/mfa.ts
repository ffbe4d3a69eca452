import { createTOTPKeyURI } from "@oslojs/otp";
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from "@oslojs/encoding";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { renderSVG } from "uqr";
import { backupCodes, passkeys, totpCredentials, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement, recordEvent } from "../shared/audit";
import { authEmails } from "./emails";
import { consumeOneTimeToken, issueOneTimeToken } from "./one-time";
import { requireRecentVerification, type RequestMeta, type Viewer } from "./sessions";
import { matchTotp } from "./totp";
import { hashToken } from "./tokens";

export const BACKUP_CODE_COUNT = 10;
const ISSUER = "MegiLance";

export interface MfaMethods {
  totp: boolean;
  passkeys: number;
  backupCodesLeft: number;
  email: boolean;
}

export async function mfaMethods(ctx: DomainContext, userId: string): Promise<MfaMethods> {
  const [totp, keys, codes] = await Promise.all([
    ctx.db.query.totpCredentials.findFirst({ where: and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)) }),
    ctx.db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)),
    ctx.db.select({ id: backupCodes.id }).from(backupCodes).where(eq(backupCodes.userId, userId)),
  ]);
  // Emailed codes are offered as a fallback whenever a second factor is on.
  return { totp: Boolean(totp), passkeys: keys.length, backupCodesLeft: codes.length, email: Boolean(totp) };
}

export async function isMfaEnabled(ctx: DomainContext, userId: string): Promise<boolean> {
  return (await mfaMethods(ctx, userId)).totp;
}

/** Starts TOTP enrolment: a new secret, stored as pending until a first code proves it. */
export async function beginTotpSetup(ctx: DomainContext, viewer: Viewer) {
  const existing = await ctx.db.query.totpCredentials.findFirst({ where: eq(totpCredentials.userId, viewer.user.id) });
  if (existing?.enabledAt)
    throw new AppError(409, "already_enabled", "Two-factor authentication is already on. Turn it off first to set up a new app.");
  const key = crypto.getRandomValues(new Uint8Array(20));
  await ctx.db
    .insert(totpCredentials)
    .values({ userId: viewer.user.id, secret: encodeBase64(key), createdAt: ctx.clock.now() })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secret: encodeBase64(key), enabledAt: null, lastUsedStep: null } });
  const otpauthUrl = createTOTPKeyURI(ISSUER, viewer.user.email, key, 30, 6);
  return { secret: encodeBase32UpperCaseNoPadding(key), otpauthUrl, qrSvg: renderSVG(otpauthUrl) };
}

/** Confirms enrolment with a first code; returns ten single-use backup codes, shown only now. */
export async function confirmTotpSetup(ctx: DomainContext, viewer: Viewer, code: string, meta: RequestMeta): Promise<string[]> {
  const pending = await ctx.db.query.totpCredentials.findFirst({ where: eq(totpCredentials.userId, viewer.user.id) });
  if (!pending) throw new AppError(409, "setup_not_started", "Start the setup first to get a secret for your authenticator app.");
  if (pending.enabledAt) throw new AppError(409, "already_enabled", "Two-factor authentication is already on.");
  const step = matchTotp(decodeBase64(pending.secret), code.trim(), ctx.clock.now().getTime());
  if (step === null)
    throw new AppError(422, "invalid_code", "That code is not correct. Check the time on your device and try again.", {
      code: ["Not correct."],
    });
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db
      .update(totpCredentials)
      .set({ enabledAt: now, lastUsedStep: Number(step) })
      .where(eq(totpCredentials.userId, viewer.user.id)),
    ctx.db.delete(backupCodes).where(eq(backupCodes.userId, viewer.user.id)),
    ctx.db
      .insert(backupCodes)
      .values(codes.map((c) => ({ id: ctx.newId(), userId: viewer.user.id, codeHash: hashToken(normalizeBackupCode(c)), createdAt: now }))),
    auditStatement(ctx, {
      type: "auth.mfa_enabled",
      actorId: viewer.user.id,
      subjectType: "user",
      subjectId: viewer.user.id,
      ...meta,
      data: { method: "totp" },
    }),
  ]);
  await ctx.sendEmail(authEmails.twoFactorChanged(viewer.user.email, viewer.user.name, "an authenticator app was turned on"));
  return codes;
}

export async function disableTotp(ctx: DomainContext, viewer: Viewer, code: string, meta: RequestMeta): Promise<void> {
  if (!(await isMfaEnabled(ctx, viewer.user.id))) throw new AppError(409, "not_enabled", "Two-factor authentication is not on.");
  const result = await verifySecondFactor(ctx, viewer.user, code);
  if (!result.ok) throw new AppError(422, "invalid_code", "That code is not correct.", { code: ["Not correct."] });
  await ctx.db.batch([
    ctx.db.delete(totpCredentials).where(eq(totpCredentials.userId, viewer.user.id)),
    ctx.db.delete(backupCodes).where(eq(backupCodes.userId, viewer.user.id)),
    auditStatement(ctx, {
      type: "auth.mfa_disabled",
      actorId: viewer.user.id,
      subjectType: "user",
      subjectId: viewer.user.id,
      ...meta,
      data: { method: "totp" },
    }),
  ]);
  await ctx.sendEmail(authEmails.twoFactorChanged(viewer.user.email, viewer.user.name, "the authenticator app was turned off"));
}

export async function regenerateBackupCodes(ctx: DomainContext, viewer: Viewer, meta: RequestMeta): Promise<string[]> {
  requireRecentVerification(ctx, viewer);
  if (!(await isMfaEnabled(ctx, viewer.user.id))) throw new AppError(409, "not_enabled", "Turn on two-factor authentication first.");
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newBackupCode);
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.delete(backupCodes).where(eq(backupCodes.userId, viewer.user.id)),
    ctx.db
      .insert(backupCodes)
      .values(codes.map((c) => ({ id: ctx.newId(), userId: viewer.user.id, codeHash: hashToken(normalizeBackupCode(c)), createdAt: now }))),
    auditStatement(ctx, {
      type: "auth.backup_codes_regenerated",
      actorId: viewer.user.id,
      subjectType: "user",
      subjectId: viewer.user.id,
      ...meta,
    }),
  ]);
  return codes;
}

/** Emails a six-digit sign-in code (an alternative second factor). */
export async function sendEmailSignInCode(ctx: DomainContext, user: User): Promise<void> {
  const decision = await ctx.rateLimiter.hit(`mail:code:${user.id}`, 3, 60 * 60 * 1000);
  if (decision.limited) {
    throw new AppError(429, "too_many_emails", "We already sent several codes in the last hour.", undefined, {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }
  const code = String(crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000).padStart(6, "0");
  await issueOneTimeToken(ctx, user.id, "email_code", code);
  await ctx.sendEmail(authEmails.signInCode(user.email, user.name, code));
}

export type SecondFactorResult = { ok: true; method: "totp" | "backup_code" | "email_code" } | { ok: false };

/** Accepts a TOTP code (each step once), a backup code (single use) or an emailed code (single use). */
export async function verifySecondFactor(ctx: DomainContext, user: User, rawCode: string): Promise<SecondFactorResult> {
  const code = rawCode.trim();
  const totp = await ctx.db.query.totpCredentials.findFirst({
    where: and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.enabledAt)),
  });
  if (totp && /^\d{6}$/.test(code)) {
    const step = matchTotp(decodeBase64(totp.secret), code, ctx.clock.now().getTime());
    if (step !== null && (await claimTotpStep(ctx, user.id, step))) return { ok: true, method: "totp" };
    if (await consumeOneTimeToken(ctx, "email_code", code, user.id)) return { ok: true, method: "email_code" };
    return { ok: false };
  }
  const normalized = normalizeBackupCode(code);
  if (normalized.length === 10) {
    const [used] = await ctx.db
      .delete(backupCodes)
      .where(and(eq(backupCodes.userId, user.id), eq(backupCodes.codeHash, hashToken(normalized))))
      .returning({ id: backupCodes.id });
    if (used) {
      await recordEvent(ctx, { type: "auth.backup_code_used", actorId: user.id, subjectType: "user", subjectId: user.id });
      return { ok: true, method: "backup_code" };
    }
  }
  return { ok: false };
}

/**
 * Marks a TOTP step as used unless it or a later one already was, in one conditional UPDATE: among
 * requests carrying the same code at the same moment, exactly one sees its row change.
 */
async function claimTotpStep(ctx: DomainContext, userId: string, step: bigint): Promise<boolean> {
  const claimed = await ctx.db
    .update(totpCredentials)
    .set({ lastUsedStep: Number(step) })
    .where(
      and(
        eq(totpCredentials.userId, userId),
        isNotNull(totpCredentials.enabledAt),
        or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, Number(step))),
      ),
    )
    .returning({ userId: totpCredentials.userId });
  return claimed.length === 1;
}

const BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
function newBackupCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  const raw = [...bytes].map((b) => BACKUP_ALPHABET[b % BACKUP_ALPHABET.length]).join("");
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}
