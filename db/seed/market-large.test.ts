import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LARGE_MARKET_SCALE, seedLargeMarket } from "../../bench/seed-large";
import { migrateDatabase } from "../migrate";

describe("bench/seed-large.ts", () => {
  it("aims at 100,000 projects and 50,000 freelancers, and fills a database at small scale", async () => {
    expect(LARGE_MARKET_SCALE).toMatchObject({ projects: 100_000, freelancers: 50_000 });
    const dir = mkdtempSync(join(tmpdir(), "megilance-large-"));
    const url = `file:${join(dir, "large.db")}`;
    try {
      await migrateDatabase(url);
      const started = Date.now();
      const counts = await seedLargeMarket(url, { scale: { clients: 200, freelancers: 1000, projects: 3000, proposals: 500 } });
      const elapsed = Date.now() - started;
      expect(counts).toEqual({ users: 1200, projects: 3000, proposals: 500, contracts: expect.any(Number), pastContracts: 0, reviews: 0 });
      const client = createClient({ url });
      const count = async (sql: string) => Number((await client.execute(sql)).rows[0][0]);
      expect(await count("SELECT count(*) FROM projects")).toBe(3000);
      expect(await count("SELECT count(*) FROM projects_fts")).toBe(3000);
      expect(await count("SELECT count(*) FROM freelancer_profiles")).toBe(1000);
      expect(await count("SELECT count(*) FROM proposals")).toBe(500);
      client.close();
      // 3,000 projects well under 15 s keeps 100,000 within a few minutes.
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
