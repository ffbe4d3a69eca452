import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { totpAt } from "../domain/auth/totp";
import { call, uniqueEmail, uniqueIp } from "../test-support/api";
import { mailsTo, tokenFromMail, waitForMail } from "../test-support/mail";

const PASSWORD = "a sturdy passphrase 42";

async function register(role: "client" | "freelancer" = "client", email = uniqueEmail(role)) {
  const res = await call("/api/auth/register", { body: { email, password: PASSWORD, name: "Test Person", role } });
  expect(res.status).toBe(201);
  return { email, user: res.body.user };
}

async function login(email: string, extra: Record<string, unknown> = {}, ip = uniqueIp()) {
  return call("/api/auth/login", { body: { email, password: PASSWORD, ...extra }, ip });
}

describe("POST /api/auth/register", () => {
  it("creates an unverified account and sends a verification email", async () => {
    const { email, user } = await register("freelancer");
    expect(user).toMatchObject({ email, name: "Test Person", roles: ["freelancer"], emailVerified: false });
    expect(user).not.toHaveProperty("passwordHash");
    const mail = await waitForMail(email, "auth.verify_email");
    expect(mail.textBody).toMatch(/\/verify-email\?token=/);
  });

  it("refuses a duplicate email with 409, whatever its case", async () => {
    const { email } = await register();
    const res = await call("/api/auth/register", {
      body: { email: email.toUpperCase(), password: PASSWORD, name: "Other", role: "client" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("email_taken");
  });

  it.each([
    ["too short", "short1"],
    ["in the common-password list", "password123"],
    ["a single repeated character", "aaaaaaaaaaaa"],
  ])("refuses a weak password (%s) with 422 and fields.password", async (_label, password) => {
    const email = uniqueEmail();
    const res = await call("/api/auth/register", { body: { email, password, name: "Weak", role: "client" } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.password[0]).toEqual(expect.any(String));
    expect((await login(email)).status).toBe(401);
  });

  it("validates the other fields with field errors", async () => {
    const res = await call("/api/auth/register", { body: { email: "not-an-email", password: PASSWORD, name: "", role: "admin" } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["email", "name", "role"]);
  });

  it("answers malformed JSON with a 4xx error, not a crash", async () => {
    const res = await call("/api/auth/register", { method: "POST", body: undefined, headers: { "Content-Type": "application/json" } });
    expect([400, 422]).toContain(res.status);
    expect(res.body.error.code).toEqual(expect.any(String));
  });
});

describe("POST /api/auth/login and tokens", () => {
  it("signs in with tokens that work on /api/auth/me", async () => {
    const { email } = await register();
    const res = await login(email);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", user: { email } });
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken.length).toBeGreaterThanOrEqual(32);
    const me = await call("/api/auth/me", { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const { email } = await register();
    const wrong = await call("/api/auth/login", { body: { email, password: "not the password at all" }, ip: uniqueIp() });
    const unknown = await call("/api/auth/login", { body: { email: uniqueEmail("nobody"), password: PASSWORD }, ip: uniqueIp() });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
  });

  it("refuses missing, forged and tampered access tokens", async () => {
    expect((await call("/api/auth/me")).status).toBe(401);
    expect((await call("/api/auth/me", { token: "forged.token" })).status).toBe(401);
    const { email } = await register();
    const { accessToken } = (await login(email)).body;
    const [payload, sig] = accessToken.split(".");
    expect((await call("/api/auth/me", { token: `${payload}x.${sig}` })).status).toBe(401);
  });

  it("rotates refresh tokens, and a reused one ends the whole session", async () => {
    const { email } = await register();
    const first = (await login(email)).body;
    const second = await call("/api/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await call("/api/auth/me", { token: second.body.accessToken })).status).toBe(200);

    const replay = await call("/api/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("token_reused");
    // The family is gone: the newest tokens stop working too.
    expect((await call("/api/auth/refresh", { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);
    expect((await call("/api/auth/me", { token: second.body.accessToken })).status).toBe(401);
  });

  it("rejects an unknown refresh token", async () => {
    const res = await call("/api/auth/refresh", { body: { refreshToken: "nope" } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_token");
  });

  it("signs out: the session's tokens stop working", async () => {
    const { email } = await register();
    const { accessToken, refreshToken } = (await login(email)).body;
    expect((await call("/api/auth/logout", { method: "POST", token: accessToken })).status).toBe(200);
    expect((await call("/api/auth/me", { token: accessToken })).status).toBe(401);
    expect((await call("/api/auth/refresh", { body: { refreshToken } })).status).toBe(401);
  });
});

describe("email verification and password reset", () => {
  it("verifies the email with the single-use token from the mail", async () => {
    const { email } = await register();
    const token = tokenFromMail((await waitForMail(email, "auth.verify_email")).textBody);
    const res = await call("/api/auth/verify-email", { body: { token } });
    expect(res.status).toBe(200);
    expect(res.body.user.emailVerified).toBe(true);
    const again = await call("/api/auth/verify-email", { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_token");
  });

  it("limits verification mails to three an hour", async () => {
    const { email } = await register();
    const { accessToken } = (await login(email)).body;
    // Registration sent the first; two more are allowed, the fourth is refused.
    expect((await call("/api/auth/resend-verification", { method: "POST", token: accessToken })).status).toBe(202);
    expect((await call("/api/auth/resend-verification", { method: "POST", token: accessToken })).status).toBe(202);
    const fourth = await call("/api/auth/resend-verification", { method: "POST", token: accessToken });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("always answers forgot-password with 202 and mails only real accounts", async () => {
    const { email } = await register();
    const ghost = uniqueEmail("ghost");
    const real = await call("/api/auth/forgot-password", { body: { email } });
    const fake = await call("/api/auth/forgot-password", { body: { email: ghost } });
    expect(real.status).toBe(202);
    expect(fake.status).toBe(202);
    expect(real.body).toEqual(fake.body);
    await waitForMail(email, "auth.reset_password");
    expect(await mailsTo(ghost)).toEqual([]);
  });

  it("resets the password once with the token and ends every other session", async () => {
    const { email } = await register();
    const before = (await login(email)).body;
    await call("/api/auth/forgot-password", { body: { email } });
    const token = tokenFromMail((await waitForMail(email, "auth.reset_password")).textBody);
    const weak = await call("/api/auth/reset-password", { body: { token, password: "short" } });
    expect(weak.status).toBe(422);
    const ok = await call("/api/auth/reset-password", { body: { token, password: "a brand new passphrase 7" } });
    expect(ok.status).toBe(200);
    expect((await call("/api/auth/reset-password", { body: { token, password: "yet another passphrase 9" } })).status).toBe(400);
    expect((await call("/api/auth/me", { token: before.accessToken })).status).toBe(401);
    expect((await login(email)).status).toBe(401);
    const fresh = await call("/api/auth/login", { body: { email, password: "a brand new passphrase 7" }, ip: uniqueIp() });
    expect(fresh.status).toBe(200);
  });
});

describe("two-factor authentication", () => {
  async function enableTotp(email: string) {
    const { accessToken } = (await login(email)).body;
    const setup = await call("/api/security/mfa/setup", { body: { method: "totp" }, token: accessToken });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/MegiLance:/);
    expect(setup.body.qrSvg).toMatch(/^<svg/);
    const key = decodeBase32IgnorePadding(setup.body.secret);
    const wrong = await call("/api/security/mfa/verify", { body: { method: "totp", code: "000000" }, token: accessToken });
    expect(wrong.status).toBe(422);
    const verify = await call("/api/security/mfa/verify", { body: { method: "totp", code: totpAt(key, Date.now()) }, token: accessToken });
    expect(verify.status).toBe(200);
    expect(verify.body.backupCodes).toHaveLength(10);
    return { key, accessToken, backupCodes: verify.body.backupCodes as string[] };
  }

  it("requires a code once TOTP is on and accepts TOTP, backup and emailed codes", async () => {
    const { email } = await register();
    const { key, accessToken, backupCodes } = await enableTotp(email);
    const methods = await call("/api/security/mfa/methods", { token: accessToken });
    expect(methods.body.methods).toMatchObject({ totp: true, backupCodesLeft: 10 });

    expect((await login(email)).body.error.code).toBe("mfa_required");
    const bad = await login(email, { code: "123456" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("invalid_code");
    // The enrolment used the current step; the next one is within the allowed drift.
    const totp = totpAt(key, Date.now() + 30_000);
    expect((await login(email, { code: totp })).status).toBe(200);
    expect((await login(email, { code: totp })).body.error.code).toBe("invalid_code");

    expect((await login(email, { code: backupCodes[0] })).status).toBe(200);
    expect((await login(email, { code: backupCodes[0] })).body.error.code).toBe("invalid_code");

    const ip = uniqueIp();
    expect((await call("/api/auth/login/email-code", { body: { email, password: PASSWORD }, ip })).status).toBe(202);
    const mail = await waitForMail(email, "auth.email_code");
    const emailed = /code is (\d{6})/.exec(mail.textBody)![1];
    expect((await login(email, { code: emailed }, ip)).status).toBe(200);
    expect((await login(email, { code: emailed }, ip)).body.error.code).toBe("invalid_code");
    await waitForMail(email, "auth.two_factor_changed");
  });

  it("turns TOTP off only with a valid code", async () => {
    const { email } = await register();
    const { accessToken, backupCodes } = await enableTotp(email);
    const refused = await call("/api/security/mfa/disable", { method: "DELETE", body: { code: "999999" }, token: accessToken });
    expect(refused.status).toBe(422);
    const ok = await call("/api/security/mfa/disable", { method: "DELETE", body: { code: backupCodes[1] }, token: accessToken });
    expect(ok.status).toBe(200);
    expect((await login(email)).status).toBe(200);
  });
});

describe("sessions and security events", () => {
  it("lists sessions, revokes one of mine, and hides other people's", async () => {
    const { email } = await register();
    const a = (await login(email)).body;
    const b = (await login(email)).body;
    const list = await call("/api/security/sessions", { token: a.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await call(`/api/security/sessions/${other.id}`, { method: "DELETE", token: a.accessToken })).status).toBe(200);
    expect((await call("/api/auth/me", { token: b.accessToken })).status).toBe(401);
    expect((await call("/api/auth/me", { token: a.accessToken })).status).toBe(200);

    const stranger = await register();
    const s = (await login(stranger.email)).body;
    const strangerSessions = await call("/api/security/sessions", { token: s.accessToken });
    const res = await call(`/api/security/sessions/${strangerSessions.body.items[0].id}`, { method: "DELETE", token: a.accessToken });
    expect(res.status).toBe(404);
    expect((await call("/api/auth/me", { token: s.accessToken })).status).toBe(200);
  });

  it("records sign-ins and failures with time, IP and user agent", async () => {
    const { email } = await register();
    const ip = uniqueIp();
    await call("/api/auth/login", { body: { email, password: "definitely wrong pw" }, ip });
    const { accessToken } = (await login(email, {}, ip)).body;
    const res = await call("/api/security/security-events?limit=10", { token: accessToken });
    expect(res.status).toBe(200);
    const types = res.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["auth.sign_in", "auth.sign_in_failed", "auth.registered"]));
    const signIn = res.body.items.find((e: { type: string }) => e.type === "auth.sign_in");
    expect(signIn).toMatchObject({ ip, userAgent: "megilance-tests" });
    expect(new Date(signIn.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("changes the password, keeping this session and ending the others", async () => {
    const { email } = await register();
    const a = (await login(email)).body;
    const b = (await login(email)).body;
    const wrong = await call("/api/security/password", {
      body: { currentPassword: "nope nope nope", newPassword: "another fine passphrase" },
      token: a.accessToken,
    });
    expect(wrong.status).toBe(422);
    const ok = await call("/api/security/password", {
      body: { currentPassword: PASSWORD, newPassword: "another fine passphrase" },
      token: a.accessToken,
    });
    expect(ok.status).toBe(200);
    expect((await call("/api/auth/me", { token: a.accessToken })).status).toBe(200);
    expect((await call("/api/auth/me", { token: b.accessToken })).status).toBe(401);
    await waitForMail(email, "auth.password_changed");
  });
});

describe("rate limits on sign-in", () => {
  it("limits one IP to 100 failures in 15 minutes across accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 101; i++) {
      const res = await call("/api/auth/login", { body: { email: uniqueEmail("spray"), password: "wrong password" }, ip });
      expect(res.status).toBe(401);
    }
    const { email } = await register();
    const blocked = await login(email, {}, ip);
    expect(blocked.status).toBe(429);
    expect((await login(email)).status).toBe(200);
  }, 120_000);
});
