import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../migrate";
import { seedIfEmpty } from "./run";
import { seedMarket } from "./market";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../schema";
import { loadTaxonomy } from "./taxonomy-load";
import { refreshAllProfileRatingsSql } from "../../worker/domain/reviews/ratings";

const dir = mkdtempSync(join(tmpdir(), "megilance-market-"));
const clients: Client[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshDb(name: string) {
  const url = `file:${join(dir, `${name}.db`)}`;
  await migrateDatabase(url);
  const client = createClient({ url });
  clients.push(client);
  const db = drizzle(client, { schema });
  await loadTaxonomy(db);
  return { url, client, db };
}

const scalar = async (client: Client, sql: string) => Number((await client.execute(sql)).rows[0][0]);
const NOW = new Date("2026-11-01T12:00:00Z");
const SMALL = { clients: 6, freelancers: 25, projects: 40, proposals: 90 };

async function dump(client: Client) {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    "users",
    "freelancer_profiles",
    "freelancer_skills",
    "client_profiles",
    "projects",
    "project_skills",
    "proposals",
    "contracts",
  ]) {
    out[table] = (await client.execute(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows.map((r) => ({ ...r }));
  }
  return out;
}

describe("the demo market generator", () => {
  it("writes the asked numbers of rows, consistent with the domain rules", async () => {
    const { client, db } = await freshDb("small");
    const counts = await seedMarket(db, { seed: 1, now: NOW, scale: SMALL });
    expect(counts).toMatchObject({ users: 31, projects: 40, proposals: 90 });
    expect(await scalar(client, "SELECT count(*) FROM users WHERE password_hash IS NULL")).toBe(31);
    expect(await scalar(client, "SELECT count(*) FROM projects")).toBe(40);
    expect(await scalar(client, "SELECT count(*) FROM projects_fts")).toBe(40);
    expect(await scalar(client, "SELECT count(*) FROM freelancers_fts")).toBe(25);
    expect(await scalar(client, "SELECT count(*) FROM proposals")).toBe(90);
    expect(await scalar(client, "SELECT count(*) FROM projects WHERE budget_min > budget_max OR budget_min <= 0")).toBe(0);
    expect(await scalar(client, "SELECT count(*) FROM proposals WHERE length(cover_letter) < 100")).toBe(0);
    expect(
      await scalar(client, "SELECT count(*) FROM proposals p JOIN projects j ON j.id = p.project_id WHERE p.currency != j.currency"),
    ).toBe(0);
    expect(await scalar(client, "SELECT count(*) FROM proposals WHERE status = 'accepted'")).toBe(
      await scalar(client, "SELECT count(*) FROM contracts"),
    );
    expect(await scalar(client, "SELECT count(*) FROM project_skills")).toBeGreaterThanOrEqual(80);
    const handles = (await client.execute("SELECT handle, timezone, country FROM freelancer_profiles")).rows;
    for (const row of handles) {
      expect(String(row.handle)).toMatch(/^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/);
      expect(() => new Intl.DateTimeFormat("en", { timeZone: String(row.timezone) })).not.toThrow();
      expect(String(row.country)).toMatch(/^[A-Z]{2}$/);
    }
    const hits = await scalar(client, `SELECT count(*) FROM projects_fts WHERE projects_fts MATCH '"need" OR "build" OR "looking"'`);
    expect(hits).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and clock, and different for another seed", async () => {
    const a = await freshDb("a");
    const b = await freshDb("b");
    const c = await freshDb("c");
    await seedMarket(a.db, { seed: 42, now: NOW, scale: SMALL });
    await seedMarket(b.db, { seed: 42, now: NOW, scale: SMALL });
    await seedMarket(c.db, { seed: 43, now: NOW, scale: SMALL });
    const first = await dump(a.client);
    expect(await dump(b.client)).toEqual(first);
    expect((await dump(c.client)).projects).not.toEqual(first.projects);
    const titles = new Set(first.projects.map((p) => (p as { title: string }).title));
    expect(titles.size).toBeGreaterThan(30);
  });

  it("seeds the full demo market after the demo accounts", { timeout: 120_000 }, async () => {
    const { url, client } = await freshDb("demo");
    // Seeding time is reported, not asserted (speed is measured by benchmarks, never by timed assertions).
    const started = Date.now();
    expect(await seedIfEmpty(url)).toBe(true);
    console.log(`[seed] demo accounts, market and story in ${Date.now() - started} ms`);
    expect(await scalar(client, `SELECT count(*) FROM users WHERE roles LIKE '%"client"%'`)).toBeGreaterThanOrEqual(51);
    expect(await scalar(client, "SELECT count(*) FROM freelancer_profiles")).toBeGreaterThanOrEqual(201);
    expect(await scalar(client, "SELECT count(*) FROM projects")).toBeGreaterThanOrEqual(300);
    expect(await scalar(client, "SELECT count(*) FROM proposals")).toBeGreaterThanOrEqual(1000);
    expect(await scalar(client, "SELECT count(*) FROM users WHERE password_hash IS NOT NULL")).toBe(3);
    const demoClient = "(SELECT id FROM users WHERE email = 'client@demo.test')";
    const demoFreelancer = "(SELECT id FROM users WHERE email = 'freelancer@demo.test')";
    expect(await scalar(client, `SELECT count(*) FROM client_profiles WHERE user_id = ${demoClient}`)).toBe(1);
    expect(await scalar(client, `SELECT count(*) FROM projects WHERE client_id = ${demoClient}`)).toBeGreaterThanOrEqual(3);
    expect(
      await scalar(client, `SELECT count(*) FROM proposals p JOIN projects j ON j.id = p.project_id WHERE j.client_id = ${demoClient}`),
    ).toBeGreaterThan(0);
    expect(await scalar(client, `SELECT count(*) FROM freelancer_profiles WHERE user_id = ${demoFreelancer} AND handle = 'frankie'`)).toBe(
      1,
    );
    expect(await scalar(client, `SELECT count(*) FROM proposals WHERE freelancer_id = ${demoFreelancer}`)).toBeGreaterThanOrEqual(5);
    expect(await seedIfEmpty(url)).toBe(false);
    expect(await scalar(client, "SELECT count(*) FROM categories")).toBe(22);
  });

  it("writes no rating that reviews do not back: each profile's rating columns are what its reviews give", async () => {
    const { url, client, db } = await freshDb("ratings");
    await seedIfEmpty(url);
    const ratings = async () =>
      (await client.execute("SELECT user_id, rating_avg, rating_count FROM freelancer_profiles ORDER BY user_id")).rows.map((r) => ({
        ...r,
      }));
    const seeded = await ratings();
    await db.run(refreshAllProfileRatingsSql(new Date()));
    expect(await ratings()).toEqual(seeded);
  });
});
