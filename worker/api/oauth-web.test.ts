import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../db/schema";
import { cookiePair, db, request, setCookieHeader, signIn, uniqueTag, usersWithEmail } from "./oauth-test-browser";
import { safeRedirectPath } from "./oauth-state";

describe("OAuth callback (web mode)", () => {
  it("sets the web session cookie and redirects to the requested path on this site", async () => {
    const tag = uniqueTag();
    const res = await signIn("google", "google-new", tag, { mode: "web", role: "freelancer", redirectTo: "/freelancer/projects?tab=open" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/freelancer/projects?tab=open");
    const header = setCookieHeader(res, "megilance_session")!;
    for (const attribute of ["HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${30 * 24 * 60 * 60}`]) expect(header).toContain(attribute);
    expect(header).not.toContain("Secure");

    const who = await request("/api/auth/me", { headers: { Cookie: cookiePair(res, "megilance_session")! } });
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { email: string } }).user.email).toBe(`new-${tag}@gmail.test`);
    const [user] = await usersWithEmail(`new-${tag}@gmail.test`);
    expect((await db().select().from(sessions).where(eq(sessions.userId, user.id))).map((s) => s.kind)).toEqual(["web"]);
  });

  it("sends an absolute or protocol-relative redirectTo home instead", async () => {
    for (const redirectTo of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example"]) {
      const res = await signIn("github", "github-new", uniqueTag(), { redirectTo });
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/");
    }
  });

  it("defaults to web mode and home", async () => {
    const res = await signIn("google", "google-new", uniqueTag());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
    expect(cookiePair(res, "megilance_session")).toBeTruthy();
  });

  it("uses the __Host- cookie with Secure over https", async () => {
    const res = await signIn("google", "google-new", uniqueTag(), { redirectTo: "/client" }, "https://localhost:8787");
    expect(res.status).toBe(302);
    const header = setCookieHeader(res, "__Host-megilance_session")!;
    expect(header).toContain("Secure");
    expect(header).toContain("Path=/");
    expect(setCookieHeader(res, "megilance_session")).toBeUndefined();
  });
});

describe("safeRedirectPath", () => {
  it("keeps same-site paths and refuses everything that could leave the site", () => {
    expect(safeRedirectPath("/client/projects?x=1#top")).toBe("/client/projects?x=1#top");
    for (const unsafe of [
      undefined,
      "",
      "client",
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\tx",
      "javascript:alert(1)",
    ]) {
      expect(safeRedirectPath(unsafe)).toBe("/");
    }
  });
});
