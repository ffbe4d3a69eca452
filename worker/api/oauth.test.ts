import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, sessions, totpCredentials } from "../../db/schema";
import { authorize, callback, db, insertUser, linksOf, request, signIn, start, uniqueTag, usersWithEmail } from "./oauth-test-browser";

type TokenResponse = {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
  user: { id: string; email: string };
};
type ErrorResponse = { error: { code: string } };

async function me(accessToken: string) {
  const res = await request("/api/auth/me", { headers: { Authorization: `Bearer ${accessToken}` } });
  return {
    status: res.status,
    body: (await res.json()) as { user: { id: string; email: string; roles: string[]; emailVerified: boolean } },
  };
}

describe("OAuth providers list", () => {
  it("lists only providers with both a client id and a secret, and 404s the rest", async () => {
    const listed = await request("/api/auth/oauth/providers");
    expect(await listed.json()).toEqual({ providers: ["google", "github"] });

    const withoutGithubSecret = { ...env, GITHUB_CLIENT_SECRET: undefined } as unknown as Cloudflare.Env;
    const partial = await request("/api/auth/oauth/providers", {}, withoutGithubSecret);
    expect(await partial.json()).toEqual({ providers: ["google"] });
    const unconfigured = await request("/api/auth/oauth/github/start", {}, withoutGithubSecret);
    expect(unconfigured.status).toBe(404);
    expect(((await unconfigured.json()) as ErrorResponse).error.code).toBe("unknown_provider");

    expect((await request("/api/auth/oauth/facebook/start")).status).toBe(404);
    expect((await request("/api/auth/oauth/facebook/callback?code=x&state=y")).status).toBe(404);
  });
});

describe("OAuth start", () => {
  it("redirects to the provider with state and an S256 challenge, keeping them in a short-lived signed cookie", async () => {
    const { authorizeUrl, res } = await start("google", { role: "freelancer", mode: "api" });
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${env.OAUTH_ENDPOINT_OVERRIDE}/google/authorize`);
    const q = authorizeUrl.searchParams;
    expect(q.get("client_id")).toBe(env.GOOGLE_CLIENT_ID);
    expect(q.get("redirect_uri")).toBe("http://localhost:8787/api/auth/oauth/google/callback");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("state")!.length).toBeGreaterThanOrEqual(32);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("megilance_oauth="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).not.toContain(q.get("state")!);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/oauth/providers", "/api/auth/oauth/{provider}/start", "/api/auth/oauth/{provider}/callback"]),
    );
  });

  it("refuses an unknown role", async () => {
    const res = await request("/api/auth/oauth/google/start?role=admin");
    expect(res.status).toBe(422);
  });
});

describe("OAuth callback (api mode)", () => {
  it("creates a new user with the chosen role, links the provider and returns working tokens", async () => {
    const tag = uniqueTag();
    const res = await signIn("google", "google-new", tag, { role: "freelancer", mode: "api" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenResponse;
    expect(body.tokenType).toBe("Bearer");
    expect(body.refreshToken).toBeTruthy();
    const who = await me(body.accessToken);
    expect(who.status).toBe(200);
    expect(who.body.user).toMatchObject({ email: `new-${tag}@gmail.test`, roles: ["freelancer"], emailVerified: true });

    const [user] = await usersWithEmail(`new-${tag}@gmail.test`);
    expect(user.passwordHash).toBeNull();
    expect(await linksOf(user.id)).toMatchObject([{ provider: "google", providerUserId: `g-new-${tag}` }]);
    const audit = await db().select().from(events).where(eq(events.actorId, user.id));
    expect(audit.map((e) => e.type)).toEqual(expect.arrayContaining(["auth.oauth_linked", "auth.sign_in"]));
    expect(audit.find((e) => e.type === "auth.sign_in")?.data).toMatchObject({ method: "oauth:google" });

    // Signing in again finds the same account through the link.
    const again = (await (await signIn("google", "google-new", tag, { mode: "api" })).json()) as TokenResponse;
    expect(again.user.id).toBe(user.id);
    expect(await usersWithEmail(`new-${tag}@gmail.test`)).toHaveLength(1);
  });

  it("takes GitHub's primary verified email and defaults the role to client", async () => {
    const tag = uniqueTag();
    const res = await signIn("github", "github-new", tag, { mode: "api" });
    expect(res.status).toBe(200);
    const who = await me(((await res.json()) as TokenResponse).accessToken);
    expect(who.body.user).toMatchObject({ email: `octo-${tag}@github.test`, roles: ["client"], emailVerified: true });
    expect(await usersWithEmail(`secondary-${tag}@example.test`)).toHaveLength(0);
  });

  it("links a provider with a verified email to the existing account of that email", async () => {
    const tag = uniqueTag();
    const existing = await insertUser({
      email: `existing-${tag}@example.test`,
      verified: true,
      passwordHash: "kept",
      roles: ["freelancer"],
    });
    const res = await signIn("google", "google-existing", tag, { mode: "api", role: "client" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as TokenResponse).user.id).toBe(existing.id);
    const [after, ...others] = await usersWithEmail(existing.email);
    expect(others).toHaveLength(0);
    expect(after).toMatchObject({ roles: ["freelancer"], passwordHash: "kept" });
    expect(await linksOf(existing.id)).toMatchObject([{ provider: "google", providerUserId: `g-existing-${tag}` }]);
  });

  it("takes over an unconfirmed account for the verified owner: its password and sessions end", async () => {
    const tag = uniqueTag();
    const squatter = await insertUser({ email: `existing-${tag}@example.test`, verified: false, passwordHash: "squatter" });
    const now = new Date();
    await db()
      .insert(sessions)
      .values({
        id: `s-${tag}`,
        userId: squatter.id,
        kind: "web",
        tokenHash: `hash-${tag}`,
        expiresAt: new Date(now.getTime() + 60_000),
        lastVerifiedAt: now,
        lastSeenAt: now,
        createdAt: now,
      });
    const res = await signIn("google", "google-existing", tag, { mode: "api" });
    expect(res.status).toBe(200);
    const [after] = await usersWithEmail(squatter.email);
    expect(after.id).toBe(squatter.id);
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerifiedAt).not.toBeNull();
    const [old] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, `s-${tag}`));
    expect(old.revokedAt).not.toBeNull();
  });

  it("does not link an unverified provider email to an existing account, nor create a second one", async () => {
    for (const [provider, loginAs] of [
      ["github", "github-unverified"],
      ["google", "google-unverified"],
    ]) {
      const tag = uniqueTag();
      const existing = await insertUser({ email: `existing-${tag}@example.test`, verified: true, passwordHash: "kept" });
      const res = await signIn(provider, loginAs, tag, { mode: "api" });
      expect(res.status).toBe(409);
      expect(((await res.json()) as ErrorResponse).error.code).toBe("email_taken_unverified");
      expect(await usersWithEmail(existing.email)).toHaveLength(1);
      expect(await linksOf(existing.id)).toHaveLength(0);
    }
  });

  it("refuses blocked users and users with two-factor on, without creating a session", async () => {
    const tag = uniqueTag();
    const blocked = await insertUser({ email: `existing-${tag}@example.test`, verified: true, blocked: true });
    const refused = await signIn("google", "google-existing", tag, { mode: "api" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorResponse).error.code).toBe("account_blocked");
    expect(await linksOf(blocked.id)).toHaveLength(0);

    const mfaTag = uniqueTag();
    const withMfa = await insertUser({ email: `existing-${mfaTag}@example.test`, verified: true });
    await db().insert(totpCredentials).values({ userId: withMfa.id, secret: "c2VjcmV0", enabledAt: new Date(), createdAt: new Date() });
    const needsCode = await signIn("google", "google-existing", mfaTag, { mode: "api" });
    expect(needsCode.status).toBe(403);
    expect(((await needsCode.json()) as ErrorResponse).error.code).toBe("mfa_required");

    for (const user of [blocked, withMfa]) {
      expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    }
  });
});

describe("OAuth callback checks", () => {
  it("rejects a state that does not match the cookie, a missing cookie and a forged cookie, creating nothing", async () => {
    const tag = uniqueTag();
    const { authorizeUrl, stateCookie } = await start("google", { mode: "api" });
    const back = await authorize(authorizeUrl, "google-new", tag);
    const wrongState = new URL(back);
    wrongState.searchParams.set("state", "attacker-state");
    const [forgedBody] = stateCookie.split("=")[1].split(".");
    for (const [url, cookie] of [
      [wrongState, stateCookie],
      [back, undefined],
      [back, `megilance_oauth=${forgedBody}.AAAA`],
    ] as const) {
      const res = await callback(url, cookie);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorResponse).error.code).toBe("invalid_state");
    }
    expect(await usersWithEmail(`new-${tag}@gmail.test`)).toHaveLength(0);
  });

  it("rejects a state cookie made for another provider", async () => {
    const tag = uniqueTag();
    const google = await start("google", { mode: "api" });
    const github = await start("github", { mode: "api" });
    const back = await authorize(github.authorizeUrl, "github-new", tag, { state: google.authorizeUrl.searchParams.get("state")! });
    const res = await callback(back, google.stateCookie);
    expect(res.status).toBe(400);
    expect(await usersWithEmail(`octo-${tag}@github.test`)).toHaveLength(0);
  });

  it("fails when the code was issued for another PKCE challenge (code injection), creating nothing", async () => {
    const attackerChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"; // S256 of RFC 7636's example verifier
    for (const [provider, loginAs, email] of [
      ["google", "google-new", (t: string) => `new-${t}@gmail.test`],
      ["github", "github-new", (t: string) => `octo-${t}@github.test`],
    ] as const) {
      const tag = uniqueTag();
      const { authorizeUrl, stateCookie } = await start(provider, { mode: "api" });
      const back = await authorize(authorizeUrl, loginAs, tag, { code_challenge: attackerChallenge });
      const res = await callback(back, stateCookie);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorResponse).error.code).toBe("oauth_code_rejected");
      expect(await usersWithEmail(email(tag))).toHaveLength(0);
    }
  });

  it("reports a sign-in cancelled at the provider", async () => {
    const { authorizeUrl, stateCookie } = await start("google");
    const back = `http://localhost:8787/api/auth/oauth/google/callback?error=access_denied&state=${authorizeUrl.searchParams.get("state")}`;
    const res = await callback(back, stateCookie);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorResponse).error.code).toBe("oauth_denied");
  });

  it("clears the state cookie once the callback has used it", async () => {
    const tag = uniqueTag();
    const { authorizeUrl, stateCookie } = await start("google", { mode: "api" });
    const res = await callback(await authorize(authorizeUrl, "google-new", tag), stateCookie);
    expect(res.status).toBe(200);
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith("megilance_oauth="))!;
    expect(cleared).toMatch(/Max-Age=0/);
  });
});
