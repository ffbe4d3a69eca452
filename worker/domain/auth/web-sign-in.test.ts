import { env } from "cloudflare:test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../../db/schema";
import { domainContextFromEnv } from "../../platform/domain-context";
import { uniqueEmail, uniqueIp } from "../../test-support/api";
import { createDomainContext, type DomainContext } from "../context";
import { AppError } from "../errors";
import { registerUser } from "./accounts";
import { beginTotpSetup, confirmTotpSetup } from "./mfa";
import { createSession } from "./sessions";
import { signPayload } from "./signed";
import { totpAt } from "./totp";
import {
  completeSignInWithCode,
  MAX_FAILED_CODES_PER_USER,
  PENDING_SIGN_IN_TTL_MS,
  pendingSignInUser,
  signInWithPassword,
} from "./web-sign-in";

const PASSWORD = "a sturdy passphrase 42";

function contextAt(startMs: number): DomainContext & { advance(ms: number): void } {
  let now = startMs;
  const ctx = createDomainContext({ ...domainContextFromEnv(env), clock: { now: () => new Date(now) } });
  return Object.assign(ctx, { advance: (ms: number) => void (now += ms) });
}

async function accountWithTotp(ctx: DomainContext) {
  const email = uniqueEmail("two-step");
  const user = await registerUser(ctx, { email, password: PASSWORD, name: "Two Step", role: "freelancer" }, {});
  const { session } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: {} });
  const { secret } = await beginTotpSetup(ctx, { user, session });
  const key = decodeBase32IgnorePadding(secret);
  await confirmTotpSetup(ctx, { user, session }, totpAt(key, ctx.clock.now().getTime()), {});
  return { email, user, key };
}

async function codeError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the web's two-step sign-in", () => {
  it("signs an account without 2FA straight in", async () => {
    const ctx = domainContextFromEnv(env);
    const email = uniqueEmail("one-step");
    await registerUser(ctx, { email, password: PASSWORD, name: "One Step", role: "client" }, {});
    const outcome = await signInWithPassword(ctx, { email, password: PASSWORD }, { ip: uniqueIp() });
    expect(outcome).toMatchObject({ status: "signed_in", mfaVerified: false });
  });

  it("asks for a code after the right password, and a fresh TOTP code completes it", async () => {
    const ctx = contextAt(Date.now());
    const { email, user, key } = await accountWithTotp(ctx);
    const outcome = await signInWithPassword(ctx, { email, password: PASSWORD }, { ip: uniqueIp() });
    if (outcome.status !== "code_required") throw new Error("expected a second step");
    expect((await pendingSignInUser(ctx, outcome.ticket))?.id).toBe(user.id);

    ctx.advance(30_000); // the enrolment code's time step cannot be used twice
    const done = await completeSignInWithCode(ctx, outcome.ticket, totpAt(key, ctx.clock.now().getTime()), { ip: uniqueIp() });
    expect(done).toMatchObject({ user: { id: user.id }, method: "totp" });
  });

  it("never issues a ticket for a wrong password", async () => {
    const ctx = contextAt(Date.now());
    const { email } = await accountWithTotp(ctx);
    const error = await codeError(signInWithPassword(ctx, { email, password: "not the password at all" }, { ip: uniqueIp() }));
    expect(error.code).toBe("invalid_credentials");
  });

  it("refuses forged, foreign and expired tickets", async () => {
    const ctx = contextAt(Date.now());
    const { email, user, key } = await accountWithTotp(ctx);
    const outcome = await signInWithPassword(ctx, { email, password: PASSWORD }, { ip: uniqueIp() });
    if (outcome.status !== "code_required") throw new Error("expected a second step");

    const forged = await signPayload("some-other-secret-of-enough-length", {
      typ: "web_sign_in_pending",
      sub: user.id,
      exp: Date.now() + 60_000,
    });
    expect(await pendingSignInUser(ctx, forged)).toBeNull();
    const accessLike = await signPayload(ctx.config.secret, { typ: "access", sub: user.id, sid: "x", exp: Date.now() + 60_000 });
    expect(await pendingSignInUser(ctx, accessLike)).toBeNull();

    ctx.advance(PENDING_SIGN_IN_TTL_MS + 1);
    expect(await pendingSignInUser(ctx, outcome.ticket)).toBeNull();
    const error = await codeError(completeSignInWithCode(ctx, outcome.ticket, totpAt(key, ctx.clock.now().getTime()), {}));
    expect(error.code).toBe("sign_in_expired");
  });

  it("stops accepting codes, even the right one, after too many wrong ones", async () => {
    const ctx = contextAt(Date.now());
    const { email, key } = await accountWithTotp(ctx);
    const outcome = await signInWithPassword(ctx, { email, password: PASSWORD }, { ip: uniqueIp() });
    if (outcome.status !== "code_required") throw new Error("expected a second step");
    for (let i = 0; i <= MAX_FAILED_CODES_PER_USER; i++) {
      expect((await codeError(completeSignInWithCode(ctx, outcome.ticket, "000000x", {}))).code).toBe("invalid_code");
    }
    ctx.advance(30_000);
    const error = await codeError(completeSignInWithCode(ctx, outcome.ticket, totpAt(key, ctx.clock.now().getTime()), {}));
    expect(error.code).toBe("too_many_attempts");
    expect(Number(error.headers?.["Retry-After"])).toBeGreaterThan(0);
  });

  it("refuses the code step for an account blocked after the password step", async () => {
    const ctx = contextAt(Date.now());
    const { email, user, key } = await accountWithTotp(ctx);
    const outcome = await signInWithPassword(ctx, { email, password: PASSWORD }, { ip: uniqueIp() });
    if (outcome.status !== "code_required") throw new Error("expected a second step");
    await ctx.db.update(users).set({ blockedAt: new Date(), blockedReason: "fraud review" }).where(eq(users.id, user.id));
    ctx.advance(30_000);
    const error = await codeError(completeSignInWithCode(ctx, outcome.ticket, totpAt(key, ctx.clock.now().getTime()), {}));
    expect(error.code).toBe("account_blocked");
    expect(error.message).toContain("fraud review");
  });
});
