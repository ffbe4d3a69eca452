import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApi } from "./app";

describe("API error handling", () => {
  it("turns a thrown error into a JSON 500 without a stack trace", async () => {
    const api = createApi();
    api.get("/explode", () => {
      throw new Error("secret internal detail at /srv/worker.ts:12");
    });
    const res = await api.request("/api/explode", {}, env);
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(text).not.toContain("secret internal detail");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers 503 with the reason when the database cannot be reached", async () => {
    const api = createApi();
    const res = await api.request("/api/health/ready", {}, { ...env, DATABASE_URL: "http://127.0.0.1:9/" });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; db: string };
    expect(body.status).toBe("unavailable");
    expect(body.db).toMatch(/unreachable/);
  });
});
