import { describe, expect, it } from "vitest";
import {
  clientOf,
  MAX_FAILED_PER_ACCOUNT,
  MAX_FAILED_PER_ACCOUNT_AND_CLIENT,
  MAX_FAILED_THROTTLED_CODES,
} from "../domain/auth/sign-in-throttle";
import { call, uniqueEmail, uniqueIp } from "../test-support/api";
import { waitForMail } from "../test-support/mail";

const PASSWORD = "a sturdy passphrase 42";

async function register() {
  const email = uniqueEmail("owner");
  expect((await call("/api/auth/register", { body: { email, password: PASSWORD, name: "Owner", role: "client" } })).status).toBe(201);
  return email;
}

const login = (email: string, ip: string, extra: Record<string, unknown> = {}) =>
  call("/api/auth/login", { body: { email, password: PASSWORD, ...extra }, ip });
const wrongLogin = (email: string, ip: string, extra: Record<string, unknown> = {}) =>
  call("/api/auth/login", { body: { email, password: "not the password at all", ...extra }, ip });

async function emailedCode(email: string, ip: string): Promise<string> {
  expect((await call("/api/auth/login/email-code", { body: { email, password: PASSWORD }, ip })).status).toBe(202);
  return /code is (\d{6})/.exec((await waitForMail(email, "auth.email_code")).textBody)![1];
}

describe("password sign-in throttle", () => {
  it("slows down the client that fails, not the owner signing in from elsewhere", async () => {
    const email = await register();
    const attacker = uniqueIp();
    for (let i = 0; i <= MAX_FAILED_PER_ACCOUNT_AND_CLIENT; i++) expect((await wrongLogin(email, attacker)).status).toBe(401);
    const refused = await login(email, attacker);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("too_many_attempts");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await login(email, uniqueIp())).status).toBe(200);
  }, 60_000);

  it("counts every address of one IPv6 /64 as one client", async () => {
    const email = await register();
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    for (let i = 0; i <= MAX_FAILED_PER_ACCOUNT_AND_CLIENT; i++) expect((await wrongLogin(email, `${net}::${i + 1}`)).status).toBe(401);
    expect((await login(email, `${net}::beef`)).status).toBe(429);
    expect((await login(email, uniqueIp())).status).toBe(200);
  }, 60_000);

  it("past the account's ceiling, the owner still signs in with the password and an emailed code, and is told", async () => {
    const email = await register();
    // Failures from many clients, each below its own limit.
    for (let sent = 0; sent <= MAX_FAILED_PER_ACCOUNT; sent += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => wrongLogin(email, uniqueIp())));
      expect(batch.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    }
    await waitForMail(email, "auth.account_locked");
    const owner = uniqueIp();
    const refused = await login(email, owner);
    expect(refused.status).toBe(429);
    expect(refused.body.error.fields.code).toEqual([expect.stringMatching(/code we email/)]);

    // A guesser without the inbox learns nothing about the password: a wrong code answers the same either way.
    const guesser = uniqueIp();
    expect((await login(email, guesser, { code: "123456" })).body.error.code).toBe("invalid_code");
    expect((await wrongLogin(email, guesser, { code: "123456" })).body.error.code).toBe("invalid_code");

    const code = await emailedCode(email, owner);
    const signedIn = await login(email, owner, { code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.accessToken).toEqual(expect.any(String));
    expect((await login(email, owner, { code })).body.error.code).toBe("invalid_code");
  }, 120_000);

  it("limits wrong emailed codes per client while throttled", async () => {
    const email = await register();
    const ip = uniqueIp();
    for (let i = 0; i <= MAX_FAILED_PER_ACCOUNT_AND_CLIENT; i++) await wrongLogin(email, ip);
    for (let i = 0; i <= MAX_FAILED_THROTTLED_CODES; i++) {
      expect((await login(email, ip, { code: "000000" })).body.error.code).toBe("invalid_code");
    }
    const code = await emailedCode(email, ip);
    const refused = await login(email, ip, { code });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("too_many_attempts");
    // Another client of the owner is not affected.
    expect((await login(email, uniqueIp())).status).toBe(200);
  }, 60_000);

  it("keys clients by IPv4 address and IPv6 /64", () => {
    expect(clientOf("203.0.113.9")).toBe("203.0.113.9");
    expect(clientOf("2001:db8:0:7::1")).toBe("2001:db8:0:7::/64");
    expect(clientOf("2001:0db8:0000:0007:ffff:1:2:3")).toBe("2001:db8:0:7::/64");
    expect(clientOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientOf(null)).toBe("unknown");
  });
});
