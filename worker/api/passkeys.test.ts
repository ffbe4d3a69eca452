import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { passkeys, sessions, users } from "../../db/schema";
import { SoftwareAuthenticator } from "../domain/auth/test-authenticator";
import { call, uniqueEmail, uniqueIp } from "../test-support/api";
import { mailsTo, waitForMail } from "../test-support/mail";

const PASSWORD = "a sturdy passphrase 42";
const db = () => createDb(env);

/** A fresh account signed in through the real API. */
async function signUp(label = "passkey") {
  const email = uniqueEmail(label);
  const reg = await call("/api/auth/register", { body: { email, password: PASSWORD, name: "Pat Key", role: "client" } });
  expect(reg.status).toBe(201);
  const login = await call("/api/auth/login", { body: { email, password: PASSWORD }, ip: uniqueIp() });
  expect(login.status).toBe(200);
  return { email, userId: login.body.user.id as string, token: login.body.accessToken as string };
}

async function addPasskey(token: string, name = "My laptop") {
  const authenticator = await SoftwareAuthenticator.create(env.APP_ORIGIN);
  const options = await call("/api/security/passkeys/register/options", { method: "POST", token });
  expect(options.status).toBe(200);
  const response = await authenticator.register(options.body);
  const verified = await call("/api/security/passkeys/register/verify", { token, body: { name, response } });
  expect(verified.status).toBe(201);
  return { authenticator, passkey: verified.body.passkey };
}

async function passkeySignIn(authenticator: SoftwareAuthenticator, email?: string, overrides = {}) {
  const options = await call("/api/auth/passkey/options", { body: email ? { email } : {}, ip: uniqueIp() });
  expect(options.status).toBe(200);
  const response = await authenticator.assert(options.body, overrides);
  const res = await call("/api/auth/passkey/verify", { body: { challengeId: options.body.challengeId, response }, ip: uniqueIp() });
  return { options: options.body, response, res };
}

describe("passkey registration and management", () => {
  it("registers, lists, renames and removes a passkey, with audit events and emails", async () => {
    const { email, token } = await signUp();
    const options = await call("/api/security/passkeys/register/options", { method: "POST", token });
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: "localhost", name: "MegiLance" },
      user: { name: email, displayName: "Pat Key" },
      excludeCredentials: [],
      authenticatorSelection: { userVerification: "preferred" },
    });
    expect(options.body.challenge).toEqual(expect.any(String));

    const authenticator = await SoftwareAuthenticator.create(env.APP_ORIGIN);
    const response = await authenticator.register(options.body);
    const created = await call("/api/security/passkeys/register/verify", { token, body: { name: "  Work laptop ", response } });
    expect(created.status).toBe(201);
    expect(created.body.passkey).toEqual({ id: authenticator.id, name: "Work laptop", createdAt: expect.any(String), lastUsedAt: null });
    await waitForMail(email, "auth.two_factor_changed");

    const list = await call("/api/security/passkeys", { token });
    expect(list.body).toEqual({ items: [created.body.passkey], nextCursor: null });
    const again = await call("/api/security/passkeys/register/options", { method: "POST", token });
    expect(again.body.excludeCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal", "hybrid"] }]);

    const renamed = await call(`/api/security/passkeys/${authenticator.id}`, { method: "PATCH", token, body: { name: "Old laptop" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.passkey.name).toBe("Old laptop");
    const badName = await call(`/api/security/passkeys/${authenticator.id}`, { method: "PATCH", token, body: { name: " " } });
    expect(badName.status).toBe(422);
    expect(badName.body.error.fields.name).toBeDefined();

    const removed = await call(`/api/security/passkeys/${authenticator.id}`, { method: "DELETE", token });
    expect(removed.status).toBe(200);
    expect((await call("/api/security/passkeys", { token })).body.items).toEqual([]);
    expect((await call(`/api/security/passkeys/${authenticator.id}`, { method: "DELETE", token })).status).toBe(404);

    const events = await call("/api/security/security-events", { token });
    const types = events.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["auth.passkey_added", "auth.passkey_removed"]));
    const deadline = Date.now() + 8_000;
    let changeMails = 0;
    while (Date.now() < deadline && changeMails < 2) {
      changeMails = (await mailsTo(email)).filter((m) => m.template === "auth.two_factor_changed").length;
      if (changeMails < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(changeMails).toBe(2);
  });

  it("uses each registration challenge once", async () => {
    const { token, userId } = await signUp();
    const authenticator = await SoftwareAuthenticator.create(env.APP_ORIGIN);
    const options = await call("/api/security/passkeys/register/options", { method: "POST", token });
    const response = await authenticator.register(options.body);
    expect((await call("/api/security/passkeys/register/verify", { token, body: { name: "Phone", response } })).status).toBe(201);
    await db().delete(passkeys).where(eq(passkeys.userId, userId));
    const replay = await call("/api/security/passkeys/register/verify", { token, body: { name: "Phone", response } });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe("invalid_passkey");
    expect(await db().select().from(passkeys).where(eq(passkeys.userId, userId))).toEqual([]);
  });

  it("refuses a registration answered for another origin", async () => {
    const { token, userId } = await signUp();
    const phishing = await SoftwareAuthenticator.create("https://megilance.example.evil");
    const options = await call("/api/security/passkeys/register/options", { method: "POST", token });
    const response = await phishing.register(options.body);
    const res = await call("/api/security/passkeys/register/verify", { token, body: { name: "Phone", response } });
    expect(res.status).toBe(400);
    expect(await db().select().from(passkeys).where(eq(passkeys.userId, userId))).toEqual([]);
  });

  it("answers 404 for another user's passkey and leaves it alone", async () => {
    const owner = await signUp("owner");
    const { authenticator } = await addPasskey(owner.token);
    const stranger = await signUp("stranger");
    const del = await call(`/api/security/passkeys/${authenticator.id}`, { method: "DELETE", token: stranger.token });
    expect(del.status).toBe(404);
    expect(del.body.error.code).toBe("not_found");
    const rename = await call(`/api/security/passkeys/${authenticator.id}`, {
      method: "PATCH",
      token: stranger.token,
      body: { name: "Mine now" },
    });
    expect(rename.status).toBe(404);
    const list = await call("/api/security/passkeys", { token: owner.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: authenticator.id, name: "My laptop" })]);
  });

  it("needs a recent sign-in to add a passkey; confirming with a passkey counts", async () => {
    const { token, userId } = await signUp();
    const { authenticator } = await addPasskey(token);
    await db()
      .update(sessions)
      .set({ lastVerifiedAt: new Date(Date.now() - 60 * 60 * 1000) })
      .where(eq(sessions.userId, userId));
    const stale = await call("/api/security/passkeys/register/options", { method: "POST", token });
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe("reauthentication_required");

    const confirmOptions = await call("/api/security/passkeys/confirm/options", { method: "POST", token });
    expect(confirmOptions.status).toBe(200);
    expect(confirmOptions.body.allowCredentials.map((c: { id: string }) => c.id)).toEqual([authenticator.id]);
    const forged = await authenticator.assert(confirmOptions.body, { signingKey: await SoftwareAuthenticator.otherKey() });
    const refused = await call("/api/security/passkeys/confirm/verify", {
      token,
      body: { challengeId: confirmOptions.body.challengeId, response: forged },
    });
    expect(refused.status).toBe(400);
    expect((await call("/api/security/passkeys/register/options", { method: "POST", token })).status).toBe(403);

    const retry = await call("/api/security/passkeys/confirm/options", { method: "POST", token });
    const answer = await authenticator.assert(retry.body);
    const confirmed = await call("/api/security/passkeys/confirm/verify", {
      token,
      body: { challengeId: retry.body.challengeId, response: answer },
    });
    expect(confirmed.status).toBe(200);
    expect((await call("/api/security/passkeys/register/options", { method: "POST", token })).status).toBe(200);
  });

  it("refuses every passkey management call without a signed-in user", async () => {
    const calls: [string, string, unknown][] = [
      ["POST", "/api/security/passkeys/register/options", undefined],
      ["POST", "/api/security/passkeys/register/verify", { name: "x", response: {} }],
      ["GET", "/api/security/passkeys", undefined],
      ["PATCH", "/api/security/passkeys/abc", { name: "x" }],
      ["DELETE", "/api/security/passkeys/abc", undefined],
      ["POST", "/api/security/passkeys/confirm/options", undefined],
    ];
    for (const [method, path, body] of calls) {
      const res = await call(path, { method, body });
      expect([path, res.status]).toEqual([path, 401]);
    }
  });
});

describe("passwordless sign-in with a passkey", () => {
  it("signs in by email with tokens that work on /api/auth/me, as an MFA-verified session", async () => {
    const { email, userId, token } = await signUp();
    const { authenticator } = await addPasskey(token);
    const { options, res } = await passkeySignIn(authenticator, email);
    expect(options).toMatchObject({ rpId: "localhost", userVerification: "required", challengeId: expect.any(String) });
    expect(options.allowCredentials.map((c: { id: string }) => c.id)).toEqual([authenticator.id]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", expiresIn: expect.any(Number), user: { id: userId, email } });
    expect(res.body.refreshToken).toEqual(expect.any(String));

    const me = await call("/api/auth/me", { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
    const list = await call("/api/security/sessions", { token: res.body.accessToken });
    expect(list.body.items.find((s: { current: boolean }) => s.current)).toMatchObject({ kind: "api", mfaVerified: true });
    const [stored] = await db().select().from(passkeys).where(eq(passkeys.id, authenticator.id));
    expect(stored.counter).toBe(1);
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it("signs in with a discoverable passkey and no email", async () => {
    const { email, token } = await signUp();
    const { authenticator } = await addPasskey(token);
    const { options, res } = await passkeySignIn(authenticator);
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
  });

  it("answers an unknown email like a known one, without revealing the account", async () => {
    const unknown = await call("/api/auth/passkey/options", { body: { email: uniqueEmail("nobody") }, ip: uniqueIp() });
    expect(unknown.status).toBe(200);
    expect(unknown.body.allowCredentials).toHaveLength(1);
    expect(unknown.body.allowCredentials[0].id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { email } = await signUp("no-passkey");
    const known = await call("/api/auth/passkey/options", { body: { email }, ip: uniqueIp() });
    expect(known.body.allowCredentials).toHaveLength(1);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
  });

  it("refuses a replayed answer to a challenge already used", async () => {
    const { email, token } = await signUp();
    const { authenticator } = await addPasskey(token);
    // A counter that stays at zero (many platform passkeys) leaves the challenge as the only guard.
    const first = await passkeySignIn(authenticator, email, { signCount: 0 });
    expect(first.res.status).toBe(200);
    const replay = await call("/api/auth/passkey/verify", {
      body: { challengeId: first.options.challengeId, response: first.response },
      ip: uniqueIp(),
    });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("invalid_passkey");
  });

  it("refuses a signature made with a different key, and an answer to another challenge", async () => {
    const { email, token, userId } = await signUp();
    const { authenticator } = await addPasskey(token);
    const forged = await passkeySignIn(authenticator, email, { signingKey: await SoftwareAuthenticator.otherKey() });
    expect(forged.res.status).toBe(401);
    expect(forged.res.body.error.code).toBe("invalid_passkey");
    const wrongChallenge = await passkeySignIn(authenticator, email, { challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(wrongChallenge.res.status).toBe(401);
    const [stored] = await db().select().from(passkeys).where(eq(passkeys.userId, userId));
    expect(stored.lastUsedAt).toBeNull();
  });

  it("refuses a signature counter that does not move forward", async () => {
    const { email, token } = await signUp();
    const { authenticator } = await addPasskey(token);
    expect((await passkeySignIn(authenticator, email, { signCount: 5 })).res.status).toBe(200);
    const cloned = await passkeySignIn(authenticator, email, { signCount: 3 });
    expect(cloned.res.status).toBe(401);
    expect(cloned.res.body.error.code).toBe("invalid_passkey");
    expect((await passkeySignIn(authenticator, email, { signCount: 6 })).res.status).toBe(200);
  });

  it("refuses an authenticator that did not verify the user", async () => {
    const { email, token } = await signUp();
    const { authenticator } = await addPasskey(token);
    const res = (await passkeySignIn(authenticator, email, { userVerified: false })).res;
    expect(res.status).toBe(401);
  });

  it("refuses someone else's passkey against a challenge for another email", async () => {
    const victim = await signUp("victim");
    await addPasskey(victim.token);
    const attacker = await signUp("attacker");
    const { authenticator } = await addPasskey(attacker.token);
    const options = await call("/api/auth/passkey/options", { body: { email: victim.email }, ip: uniqueIp() });
    const response = await authenticator.assert(options.body);
    const res = await call("/api/auth/passkey/verify", { body: { challengeId: options.body.challengeId, response }, ip: uniqueIp() });
    expect(res.status).toBe(401);
  });

  it("refuses a blocked account with 403 account_blocked", async () => {
    const { email, token, userId } = await signUp();
    const { authenticator } = await addPasskey(token);
    await db().update(users).set({ blockedAt: new Date(), blockedReason: "payment fraud" }).where(eq(users.id, userId));
    const { res } = await passkeySignIn(authenticator, email);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("account_blocked");
    expect(res.body.error.message).toContain("payment fraud");
  });

  it("validates the answer's shape with 422", async () => {
    const res = await call("/api/auth/passkey/verify", { body: { challengeId: "x", response: { id: "not base64url!" } }, ip: uniqueIp() });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
  });
});
