import { env, SELF } from "cloudflare:test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../db/schema";
import { registerUser } from "./domain/auth/accounts";
import { beginTotpSetup, confirmTotpSetup } from "./domain/auth/mfa";
import { beginPasskeyRegistration, finishPasskeyRegistration } from "./domain/auth/passkeys";
import { beginPasskeySignIn } from "./domain/auth/passkeys-sign-in";
import { createSession } from "./domain/auth/sessions";
import { SoftwareAuthenticator } from "./domain/auth/test-authenticator";
import { totpAt } from "./domain/auth/totp";
import { domainContextFromEnv } from "./platform/domain-context";
import { uniqueEmail, uniqueIp } from "./test-support/api";
import { waitForMail } from "./test-support/mail";

const ORIGIN = "http://localhost";
const PASSWORD = "a sturdy passphrase 42";

/** A browser without JavaScript: plain form posts and a cookie jar. */
function browser() {
  const jar = new Map<string, string>();
  const ip = uniqueIp();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = pair.split("=");
      if (attributes.some((a) => a.trim() === "Max-Age=0")) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return res;
  };
  const headers = () => ({ Host: "localhost", "CF-Connecting-IP": ip, Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") });
  return {
    jar,
    get: async (path: string) => remember(await SELF.fetch(`${ORIGIN}${path}`, { headers: headers(), redirect: "manual" })),
    post: async (path: string, fields: Record<string, string>) =>
      remember(
        await SELF.fetch(`${ORIGIN}${path}`, {
          method: "POST",
          body: new URLSearchParams(fields),
          headers: { ...headers(), Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
          redirect: "manual",
        }),
      ),
  };
}

async function account(role: "client" | "freelancer" = "freelancer") {
  const ctx = domainContextFromEnv(env);
  const email = uniqueEmail(role);
  const user = await registerUser(ctx, { email, password: PASSWORD, name: "Page Tester", role }, {});
  return { ctx, email, user };
}

describe("account pages without JavaScript", () => {
  it("signs in with password, then a TOTP code on the second page", async () => {
    const { ctx, email, user } = await account();
    const { session } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: {} });
    const setup = await beginTotpSetup(ctx, { user, session });
    const key = decodeBase32IgnorePadding(setup.secret);
    const enrolledAt = Date.now();
    await confirmTotpSetup(ctx, { user, session }, totpAt(key, enrolledAt), {});

    const b = browser();
    const first = await b.post("/sign-in", { intent: "password", email, password: PASSWORD });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/sign-in");
    expect(b.jar.has("megilance_session")).toBe(false);
    expect(b.jar.has("megilance_2fa")).toBe(true);
    const page = await (await b.get("/sign-in")).text();
    expect(page).toContain("Two-step verification");
    expect(page).not.toContain(email);

    const wrong = await b.post("/sign-in", { intent: "code", code: "12345x" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That code is not correct.");
    expect(b.jar.has("megilance_session")).toBe(false);

    const next = await b.post("/sign-in", { intent: "code", code: totpAt(key, enrolledAt + 30_000) });
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toBe("/freelancer");
    expect(b.jar.has("megilance_session")).toBe(true);
    expect(b.jar.has("megilance_2fa")).toBe(false);
    expect((await b.get("/freelancer")).status).toBe(200);
  });

  it("tells a blocked account why, and how to appeal", async () => {
    const { ctx, email, user } = await account("client");
    await ctx.db.update(users).set({ blockedAt: new Date(), blockedReason: "payment fraud review" }).where(eq(users.id, user.id));
    const res = await browser().post("/sign-in", { intent: "password", email, password: PASSWORD });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("payment fraud review");
    expect(html).toMatch(/appeal/i);
  });

  it("shows the wait once a client had too many failed sign-ins, and offers a sign-in code by email", async () => {
    const { email } = await account("client");
    const b = browser();
    let res = await b.post("/sign-in", { intent: "password", email, password: "wrong password, surely" });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("The email or password is not correct.");
    for (let i = 0; i < 10; i++) await b.post("/sign-in", { intent: "password", email, password: "wrong password, surely" });
    res = await b.post("/sign-in", { intent: "password", email, password: PASSWORD });
    expect(res.status).toBe(429);
    const page = await res.text();
    expect(page).toMatch(/Try again in \d+ minutes/);
    expect(page).toContain("Email me a sign-in code");

    res = await b.post("/sign-in", { intent: "email-sign-in-code", email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("we emailed you a sign-in code");
    const code = /code is (\d{6})/.exec((await waitForMail(email, "auth.email_code")).textBody)![1];
    res = await b.post("/sign-in", { intent: "password", email, password: PASSWORD, code });
    expect(res.status).toBe(302);
    expect(b.jar.has("megilance_session")).toBe(true);
  }, 60_000);

  it("answers the forgot-password form the same way for known and unknown addresses", async () => {
    const { email } = await account("client");
    const known = await browser().post("/forgot-password", { email });
    const unknown = await browser().post("/forgot-password", { email: uniqueEmail("nobody") });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const answer = "If an account exists for that address, we sent it a link.";
    expect(await known.text()).toContain(answer);
    expect(await unknown.text()).toContain(answer);
  });

  it("keeps the outbox to admins", async () => {
    const { email } = await account("freelancer");
    const b = browser();
    await b.post("/sign-in", { intent: "password", email, password: PASSWORD });
    const res = await b.get("/admin/mail");
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("Confirm your email address");
  });

  it("re-sends the verification email from the banner and comes back to the page", async () => {
    const { email } = await account("client");
    const b = browser();
    await b.post("/sign-in", { intent: "password", email, password: PASSWORD });
    expect(await (await b.get("/client")).text()).toContain("Please confirm your email address");
    const res = await b.post("/resend-verification", { redirectTo: "/client" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/client?verification=sent");
    const evil = await b.post("/resend-verification", { redirectTo: "//evil.example/phish" });
    expect(new URL(evil.headers.get("location") ?? "", ORIGIN).origin).toBe(ORIGIN);
  });

  it("signs in with a passkey answer posted to the sign-in page, into the same cookie session as a password", async () => {
    const { ctx, user } = await account("client");
    const { session } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: {} });
    const authenticator = await SoftwareAuthenticator.create(env.APP_ORIGIN);
    const registration = await authenticator.register(await beginPasskeyRegistration(ctx, { user, session }));
    await finishPasskeyRegistration(ctx, { user, session }, { name: "Laptop", response: registration }, {});

    const b = browser();
    expect(await (await b.get("/sign-in")).text()).toContain("challengeId");
    const { challengeId, options } = await beginPasskeySignIn(ctx, {}, { ip: uniqueIp() });
    const response = JSON.stringify(await authenticator.assert(options));
    const res = await b.post("/sign-in", { intent: "passkey", challengeId, response, redirectTo: "/settings/security" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/settings/security");
    const web = await ctx.db
      .select({ kind: sessions.kind, mfaVerified: sessions.mfaVerified })
      .from(sessions)
      .where(eq(sessions.userId, user.id));
    expect(web).toContainEqual({ kind: "web", mfaVerified: true });
    expect(b.jar.has("megilance_session")).toBe(true);
    expect((await b.get("/client")).status).toBe(200);

    const replay = await browser().post("/sign-in", { intent: "passkey", challengeId, response });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain("We could not sign you in with this passkey.");
    const garbled = browser();
    const unreadable = await garbled.post("/sign-in", { intent: "passkey", challengeId, response: "{not json" });
    expect(unreadable.status).toBe(400);
    expect(await unreadable.text()).toContain("a passkey answer we could not read");
    expect(garbled.jar.has("megilance_session")).toBe(false);
  });
});
