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
import { FEATURED_FREELANCERS, FEATURED_MIN_REVIEWS } from "../../worker/domain/search/home";
import { freelancerAt, type MarketPlan } from "./market-entities";
import { PAST_WORK_CAP } from "./market-history";

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
    "reviews",
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
    // A bid carries the measure of its budget type: hours a week (1–80) when hourly, days when fixed-price.
    const bidTerms = (where: string) =>
      scalar(client, `SELECT count(*) FROM proposals p JOIN projects j ON j.id = p.project_id WHERE ${where}`);
    expect(await bidTerms("j.budget_type = 'hourly'")).toBeGreaterThan(0);
    expect(
      await bidTerms(
        "j.budget_type = 'hourly' AND (p.weekly_hours IS NULL OR p.weekly_hours NOT BETWEEN 1 AND 80 OR p.estimated_days IS NOT NULL)",
      ),
    ).toBe(0);
    expect(await bidTerms("j.budget_type = 'fixed' AND (p.weekly_hours IS NOT NULL OR p.estimated_days IS NULL)")).toBe(0);
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
    // Without `history` (the benchmark markets, the matching evaluation) nobody has finished work or reviews.
    expect(counts).toMatchObject({ pastContracts: 0, reviews: 0 });
    expect(await scalar(client, "SELECT count(*) FROM reviews")).toBe(0);
    expect(await scalar(client, "SELECT count(*) FROM contracts WHERE status != 'offered'")).toBe(0);
  });

  it("is deterministic for a seed and clock, and different for another seed", async () => {
    const a = await freshDb("a");
    const b = await freshDb("b");
    const c = await freshDb("c");
    await seedMarket(a.db, { seed: 42, now: NOW, scale: SMALL, history: true });
    await seedMarket(b.db, { seed: 42, now: NOW, scale: SMALL, history: true });
    await seedMarket(c.db, { seed: 43, now: NOW, scale: SMALL, history: true });
    const first = await dump(a.client);
    expect(await dump(b.client)).toEqual(first);
    expect((await dump(c.client)).projects).not.toEqual(first.projects);
    const titles = new Set(first.projects.map((p) => (p as { title: string }).title));
    expect(titles.size).toBeGreaterThan(30);
    expect(first.reviews.length).toBeGreaterThan(0);
  });

  it("gives rated freelancers a track record of finished work, reviewed by both sides, when asked for history", async () => {
    const { client, db } = await freshDb("history");
    const counts = await seedMarket(db, { seed: 7, now: NOW, scale: SMALL, history: true });
    expect(counts.pastContracts).toBeGreaterThan(0);
    expect(counts.reviews).toBe(2 * counts.pastContracts);
    const now = NOW.getTime();
    // Enough visible client reviews to be featured on the home page, for more freelancers than it shows.
    const featurable = await scalar(
      client,
      `SELECT count(*) FROM (SELECT r.subject_id FROM reviews r JOIN contracts c ON c.id = r.contract_id
        WHERE r.author_role = 'client' AND r.hidden_at IS NULL AND r.published_at <= ${now}
        GROUP BY r.subject_id HAVING count(*) >= ${FEATURED_MIN_REVIEWS})`,
    );
    expect(featurable).toBeGreaterThanOrEqual(FEATURED_FREELANCERS);
    // Each review: about an ended contract, by one of its two parties about the other, after it ended, published before now.
    expect(await scalar(client, "SELECT count(*) FROM reviews")).toBe(counts.reviews);
    const fitting = await scalar(
      client,
      `SELECT count(*) FROM reviews r JOIN contracts c ON c.id = r.contract_id
        WHERE c.status = 'ended' AND r.created_at >= c.ended_at AND r.created_at <= r.published_at AND r.published_at <= ${now}
          AND ((r.author_role = 'client' AND r.author_id = c.client_id AND r.subject_id = c.freelancer_id)
            OR (r.author_role = 'freelancer' AND r.author_id = c.freelancer_id AND r.subject_id = c.client_id))`,
    );
    expect(fitting).toBe(counts.reviews);
    expect(
      await scalar(
        client,
        "SELECT count(*) FROM contracts c WHERE (SELECT count(*) FROM reviews r WHERE r.contract_id = c.id) NOT IN (0, 2)",
      ),
    ).toBe(0);
    // Each ended contract: its client's completed project, posted after both joined, the accepted proposal, then in order of time.
    const wellFormed = await scalar(
      client,
      `SELECT count(*) FROM contracts c
        JOIN proposals q ON q.id = c.proposal_id JOIN projects p ON p.id = c.project_id
        JOIN users cu ON cu.id = c.client_id JOIN users fu ON fu.id = c.freelancer_id
        WHERE c.status = 'ended' AND q.status = 'accepted' AND q.project_id = p.id AND q.freelancer_id = c.freelancer_id
          AND p.client_id = c.client_id AND p.status = 'completed' AND c.type = p.budget_type AND c.currency = p.currency
          AND cu.created_at < p.created_at AND fu.created_at < p.created_at AND p.created_at <= q.created_at
          AND q.created_at <= q.decided_at AND q.decided_at <= c.created_at AND c.created_at < c.accepted_at
          AND c.accepted_at < c.ended_at AND c.ended_at < ${now} AND c.ended_by = c.client_id AND c.version = 2`,
    );
    expect(wellFormed).toBe(counts.pastContracts);
    // In the freelancer's line of work: every skill the past project asked for is one of theirs.
    expect(
      await scalar(
        client,
        `SELECT count(*) FROM contracts c JOIN project_skills s ON s.project_id = c.project_id WHERE c.status = 'ended'
          AND NOT EXISTS (SELECT 1 FROM freelancer_skills f WHERE f.user_id = c.freelancer_id AND f.skill_slug = s.skill_slug)`,
      ),
    ).toBe(0);
    // One completed project per finished contract, beside the open market: none of them shows in search or takes proposals.
    expect(await scalar(client, "SELECT count(*) FROM projects")).toBe(SMALL.projects + counts.pastContracts);
    expect(await scalar(client, "SELECT count(*) FROM projects WHERE status IN ('open', 'closed')")).toBe(SMALL.projects);
    // A profile never shows the same words twice.
    expect(
      await scalar(
        client,
        "SELECT count(*) FROM (SELECT 1 FROM reviews WHERE author_role = 'client' GROUP BY subject_id, comment HAVING count(*) > 1)",
      ),
    ).toBe(0);

    // The stored rating is what the reviews give, and it stays close to the reputation the market's hiring model used.
    const ratings = async () =>
      (await client.execute("SELECT user_id, rating_avg, rating_count FROM freelancer_profiles ORDER BY user_id")).rows.map((r) => ({
        ...r,
      }));
    const seeded = await ratings();
    await db.run(refreshAllProfileRatingsSql(NOW));
    expect(await ratings()).toEqual(seeded);
    const plan: MarketPlan = { seed: 7, now, ...SMALL };
    const byUser = new Map(seeded.map((r) => [String(r.user_id), { average: Number(r.rating_avg), count: Number(r.rating_count) }]));
    for (let j = 0; j < SMALL.freelancers; j++) {
      const { user, reputation } = freelancerAt(plan, j);
      const rating = byUser.get(user.id)!;
      expect(rating.count).toBeLessThanOrEqual(Math.min(reputation.count, PAST_WORK_CAP));
      if (reputation.count === 0) expect(rating.count).toBe(0);
      if (rating.count > 0) expect(Math.abs(rating.average - reputation.average)).toBeLessThanOrEqual(0.5 / rating.count + 0.05 + 1e-9);
    }
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
    // The demo market's freelancers have track records: the home page features some, search can sort by rating.
    expect(
      await scalar(client, `SELECT count(*) FROM freelancer_profiles WHERE rating_count >= ${FEATURED_MIN_REVIEWS}`),
    ).toBeGreaterThanOrEqual(FEATURED_FREELANCERS);
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
