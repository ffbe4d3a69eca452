import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, passkeys, users, webauthnChallenges } from "../../../db/schema";
import { domainContextFromEnv } from "../../platform/domain-context";
import { uniqueEmail, uniqueIp } from "../../test-support/api";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { beginPasskeyRegistration, finishPasskeyRegistration, listPasskeys, MAX_PASSKEYS_PER_USER } from "./passkeys";
import { PASSKEY_CHALLENGE_TTL_MS } from "./passkeys-challenges";
import {
  beginPasskeyConfirmation,
  beginPasskeySignIn,
  confirmWithPasskey,
  finishPasskeySignIn,
  signInWithPasskey,
} from "./passkeys-sign-in";
import { createSession, loadLiveSession, validateSessionToken, type Viewer } from "./sessions";
import { SoftwareAuthenticator } from "./test-authenticator";

/** A domain context on the test database whose clock the test moves by hand. */
function testContext() {
  let nowMs = Date.now();
  const ctx: DomainContext = { ...domainContextFromEnv(env), clock: { now: () => new Date(nowMs) } };
  return { ctx, advance: (ms: number) => void (nowMs += ms) };
}

async function newViewer(ctx: DomainContext): Promise<Viewer> {
  const now = ctx.clock.now();
  const [user] = await ctx.db
    .insert(users)
    .values({ id: ctx.newId(), email: uniqueEmail("domain"), name: "Dee Main", roles: ["freelancer"], createdAt: now, updatedAt: now })
    .returning();
  const { session } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: {} });
  return (await loadLiveSession(ctx, { id: session.id }))!;
}

async function enrol(ctx: DomainContext, viewer: Viewer, name = "Laptop") {
  const authenticator = await SoftwareAuthenticator.create(ctx.config.appOrigin);
  const response = await authenticator.register(await beginPasskeyRegistration(ctx, viewer));
  const passkey = await finishPasskeyRegistration(ctx, viewer, { name, response }, {});
  return { authenticator, passkey };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("passkeys in the domain", () => {
  it("stores the credential's public key, counter and transports, and the challenge is gone", async () => {
    const { ctx } = testContext();
    const viewer = await newViewer(ctx);
    const { authenticator, passkey } = await enrol(ctx, viewer);
    expect(passkey).toMatchObject({
      id: authenticator.id,
      userId: viewer.user.id,
      name: "Laptop",
      counter: 0,
      transports: ["internal", "hybrid"],
    });
    expect(passkey.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    const left = await ctx.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, viewer.user.id));
    expect(left).toEqual([]);
  });

  it("refuses a registration or sign-in answered after the five-minute challenge expired", async () => {
    const { ctx, advance } = testContext();
    const viewer = await newViewer(ctx);
    const authenticator = await SoftwareAuthenticator.create(ctx.config.appOrigin);
    const late = await authenticator.register(await beginPasskeyRegistration(ctx, viewer));
    advance(PASSKEY_CHALLENGE_TTL_MS + 1_000);
    const refusedRegistration = await rejection(finishPasskeyRegistration(ctx, viewer, { name: "Late", response: late }, {}));
    expect(refusedRegistration.code).toBe("invalid_passkey");
    expect(await listPasskeys(ctx, viewer)).toEqual([]);

    const fresh = await newViewer(ctx);
    const { authenticator: key } = await enrol(ctx, fresh);
    const { challengeId, options } = await beginPasskeySignIn(ctx, { email: fresh.user.email }, { ip: uniqueIp() });
    const response = await key.assert(options);
    advance(PASSKEY_CHALLENGE_TTL_MS + 1_000);
    const refusedSignIn = await rejection(finishPasskeySignIn(ctx, { challengeId, response }, {}));
    expect([refusedSignIn.status, refusedSignIn.code]).toEqual([401, "invalid_passkey"]);
  });

  it("opens an MFA-verified web session on passwordless sign-in and records it", async () => {
    const { ctx } = testContext();
    const viewer = await newViewer(ctx);
    const { authenticator } = await enrol(ctx, viewer);
    const { challengeId, options } = await beginPasskeySignIn(ctx, {}, { ip: uniqueIp() });
    const response = await authenticator.assert(options);
    const { user, session, token } = await signInWithPasskey(ctx, { challengeId, response }, { ip: "203.0.113.9" }, "web");
    expect(user.id).toBe(viewer.user.id);
    expect(session).toMatchObject({ kind: "web", mfaVerified: true });
    expect((await validateSessionToken(ctx, token))?.user.id).toBe(viewer.user.id);
    const signIns = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.actorId, viewer.user.id), eq(events.type, "auth.sign_in")));
    expect(signIns.map((e) => e.data)).toEqual([expect.objectContaining({ method: "passkey" })]);
  });

  it("does not accept one user's registration challenge for another user", async () => {
    const { ctx } = testContext();
    const alice = await newViewer(ctx);
    const mallory = await newViewer(ctx);
    const authenticator = await SoftwareAuthenticator.create(ctx.config.appOrigin);
    const response = await authenticator.register(await beginPasskeyRegistration(ctx, alice));
    const refused = await rejection(finishPasskeyRegistration(ctx, mallory, { name: "Stolen", response }, {}));
    expect(refused.code).toBe("invalid_passkey");
    expect(await listPasskeys(ctx, mallory)).toEqual([]);
    // The challenge is still Alice's to answer.
    expect((await finishPasskeyRegistration(ctx, alice, { name: "Mine", response }, {})).userId).toBe(alice.user.id);
  });

  it("confirms a signed-in user with their passkey, marking the session verified and MFA-verified", async () => {
    const { ctx, advance } = testContext();
    const viewer = await newViewer(ctx);
    const { authenticator } = await enrol(ctx, viewer);
    advance(60 * 60 * 1000);
    const stale = await loadLiveSession(ctx, { id: viewer.session.id });
    expect((await rejection(beginPasskeyRegistration(ctx, stale!))).code).toBe("reauthentication_required");
    const { challengeId, options } = await beginPasskeyConfirmation(ctx, stale!);
    await confirmWithPasskey(ctx, stale!, { challengeId, response: await authenticator.assert(options) }, {});
    const fresh = await loadLiveSession(ctx, { id: viewer.session.id });
    expect(fresh?.session).toMatchObject({ mfaVerified: true, lastVerifiedAt: ctx.clock.now() });
    await expect(beginPasskeyRegistration(ctx, fresh!)).resolves.toMatchObject({ rp: { id: "localhost" } });
  });

  it(`caps an account at ${MAX_PASSKEYS_PER_USER} passkeys`, async () => {
    const { ctx } = testContext();
    const viewer = await newViewer(ctx);
    await ctx.db.insert(passkeys).values(
      Array.from({ length: MAX_PASSKEYS_PER_USER }, (_, i) => ({
        id: `cap-${viewer.user.id}-${i}`,
        userId: viewer.user.id,
        name: `Key ${i}`,
        publicKey: "AA",
        createdAt: ctx.clock.now(),
      })),
    );
    const refused = await rejection(beginPasskeyRegistration(ctx, viewer));
    expect([refused.status, refused.code]).toEqual([409, "too_many_passkeys"]);
    expect(await listPasskeys(ctx, viewer)).toHaveLength(MAX_PASSKEYS_PER_USER);
  });
});
