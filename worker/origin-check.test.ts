import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findUserByEmail, registerUser } from "./domain/auth/accounts";
import { createSession, validateSessionToken } from "./domain/auth/sessions";
import { domainContextFromEnv } from "./platform/domain-context";
import { uniqueEmail, uniqueIp } from "./test-support/api";

const ORIGIN = "http://localhost";
const PASSWORD = "a sturdy passphrase 42";

function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    // A browser always sends Host; Remix compares it with Origin as well.
    headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", "CF-Connecting-IP": uniqueIp(), ...headers },
    redirect: "manual",
  });
}

function signUpFields(email: string) {
  return { name: "Origin Tester", email, password: PASSWORD, role: "freelancer" };
}

describe("the Origin check in front of Remix actions", () => {
  it("refuses a cross-site form post with 403 and creates nothing", async () => {
    const email = uniqueEmail("cross-site");
    const res = await postForm("/sign-up", signUpFields(email), { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await findUserByEmail(domainContextFromEnv(env), email)).toBeUndefined();
  });

  it("refuses a post without any Origin header, and the single-fetch .data form of the action too", async () => {
    const email = uniqueEmail("no-origin");
    expect((await postForm("/sign-up", signUpFields(email))).status).toBe(403);
    expect((await postForm("/sign-up.data", signUpFields(email), { Origin: "https://evil.example" })).status).toBe(403);
    expect((await postForm("/sign-up", signUpFields(email), { Origin: "null" })).status).toBe(403);
    expect(await findUserByEmail(domainContextFromEnv(env), email)).toBeUndefined();
  });

  it("does not let another site sign a user out", async () => {
    const ctx = domainContextFromEnv(env);
    const user = await registerUser(ctx, { email: uniqueEmail("victim"), password: PASSWORD, name: "Victim", role: "client" }, {});
    const { token } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: {} });
    const res = await postForm("/sign-out", {}, { Origin: "https://evil.example", Cookie: `megilance_session=${token}` });
    expect(res.status).toBe(403);
    expect(await validateSessionToken(ctx, token)).not.toBeNull();
  });

  it("lets the same form through from our own origin (no JavaScript needed): account, cookie and portal", async () => {
    const email = uniqueEmail("same-site");
    const res = await postForm("/sign-up", signUpFields(email), { Origin: ORIGIN });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/freelancer");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^megilance_session=[a-z0-9]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Max-Age=2592000");
    expect(await findUserByEmail(domainContextFromEnv(env), email)).toMatchObject({ roles: ["freelancer"] });

    const portal = await SELF.fetch(`${ORIGIN}/freelancer`, { headers: { Cookie: cookie.split(";")[0] } });
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain("Freelancer portal");
  });
});
