import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const get = (path: string) => SELF.fetch(`http://localhost${path}`, { headers: { "User-Agent": "megilance-tests" } });

describe("security headers on API answers", () => {
  it.each(["/api/health", "/api/openapi.json", "/api/no-such-route", "/api/auth/me"])("%s carries what pages carry", async (path) => {
    const res = await get(path);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it("gives the docs page a policy that runs only its own script and style, by a fresh nonce", async () => {
    const first = await get("/api/docs");
    const html = await first.text();
    const policy = first.headers.get("Content-Security-Policy") ?? "";
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[a-f0-9]{32}$/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("connect-src 'self'");
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(first.headers.get("X-Frame-Options")).toBe("DENY");
    const second = await get("/api/docs");
    expect(second.headers.get("Content-Security-Policy")).not.toBe(policy);
  });
});
