import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "./index";
import { incoming } from "./test-support/incoming";
import { isDatabaseUnavailable } from "./domain/ops/unavailable";

/** Nothing listens on port 9: every database call fails the way a dropped connection does under overload. */
const UNREACHABLE = { DATABASE_URL: "http://127.0.0.1:9/" };

const SEARCHES = ["/api/projects?q=web", "/api/freelancers?q=web", "/projects?q=web", "/freelancers?q=web", "/api/projects"];

async function fetchWith(path: string, vars: Record<string, string>): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    incoming(new Request(`http://localhost${path}`, { headers: { Accept: "text/html" } })),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe("search while the database cannot answer", () => {
  it("answers 503 with Retry-After, never 500, on the search APIs and pages", async () => {
    for (const path of SEARCHES) {
      const res = await fetchWith(path, UNREACHABLE);
      const text = await res.text();
      expect(res.status, `${path}: ${text.slice(0, 200)}`).toBe(503);
      expect(Number(res.headers.get("Retry-After")), path).toBeGreaterThan(0);
      if (path.startsWith("/api/")) expect(JSON.parse(text).error.code).toBe("unavailable");
      else expect(text).toContain("try again");
    }
  });

  it("tells a dropped or busy database from a bug, which still answers 500", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("no such column: x"), { code: "SQLITE_ERROR" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Failed query: SELECT count(*)", { cause: new Error("Network connection lost.") }))).toBe(true);
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: busy }))).toBe(true);
  });
});
