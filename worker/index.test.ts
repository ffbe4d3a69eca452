import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("the Worker's routing", () => {
  it("answers liveness with 200", async () => {
    const res = await SELF.fetch("http://localhost/api/health/live");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("is ready when a query round-trips to the database", async () => {
    const res = await SELF.fetch("http://localhost/api/health/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("gives unknown API routes a JSON 404 in the house error shape", async () => {
    const res = await SELF.fetch("http://localhost/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/no-such-thing/);
  });

  it("serves the OpenAPI document and a browsable reference", async () => {
    const doc = await SELF.fetch("http://localhost/api/openapi.json");
    expect(doc.status).toBe(200);
    const spec = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/api/health/ready");
    const page = await SELF.fetch("http://localhost/api/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("MegiLance API reference");
  });

  it("renders the landing page through Remix with links to sign in and sign up", async () => {
    const res = await SELF.fetch("http://localhost/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1");
    expect(html).toContain('href="/sign-in"');
    expect(html).toContain('href="/sign-up"');
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("renders a styled 404 page for unknown pages", async () => {
    const res = await SELF.fetch("http://localhost/this/page/does/not/exist");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(html).toContain('rel="stylesheet"');
  });

  it("remembers the theme choice in a cookie and renders with it", async () => {
    const set = await SELF.fetch("http://localhost/theme", {
      method: "POST",
      body: new URLSearchParams({ theme: "dark" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
      redirect: "manual",
    });
    expect(set.status).toBe(302);
    const cookie = set.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^theme=/);
    const page = await SELF.fetch("http://localhost/", { headers: { Cookie: cookie.split(";")[0] } });
    expect(await page.text()).toMatch(/<html lang="en" class="dark"/);
  });

  it("answers a legacy ?_data= page request at once with the reload an old Remix tab understands", async () => {
    const res = await SELF.fetch("http://localhost/projects?q=web&_data=routes%2Fprojects._index", { redirect: "manual" });
    expect(res.status).toBe(204);
    expect(res.headers.get("X-Remix-Redirect")).toBe("/projects?q=web");
    expect(res.headers.get("X-Remix-Reload-Document")).toBe("true");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(await res.text()).toBe("");
  });
});
