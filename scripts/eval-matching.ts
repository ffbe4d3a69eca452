/**
 * Offline evaluation of the matching engine on a seeded market. Labels: for every project with a hire (a contract
 * that was not declined), the hired freelancer is the relevant one. Hires in the seed come from the seed's own
 * client decision model (db/seed/market-hires.ts), never from the engine. Each project is ranked as of its posting
 * time (activity and contracts after it are ignored), against the whole market, and compared with a
 * skills-overlap-only baseline (share of the project's skills held, ties by id).
 *
 * Usage: npx tsx scripts/eval-matching.ts            (seeds the demo-scale market into a temporary database)
 *        DATABASE_URL=file:... npx tsx scripts/eval-matching.ts   (evaluates an existing database)
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import * as schema from "../db/schema";
import { DEMO_MARKET_SCALE, seedMarket, type MarketScale } from "../db/seed/market";
import { loadTaxonomy } from "../db/seed/taxonomy-load";
import { rankFreelancersForProject } from "../worker/domain/matching/engine";
import { loadProjectFacts, type MatchingContext } from "../worker/domain/matching/inputs";

export const K = 10;

export interface Metrics {
  precisionAt10: number;
  ndcgAt10: number;
  /** Share of projects whose hire is in the top 10. */
  hitRateAt10: number;
}

export interface EvaluationReport {
  projects: number;
  engine: Metrics;
  baseline: Metrics;
}

/** precision@k and NDCG@k (binary relevance) of one ranked list. */
export function scoreRanking(ranked: string[], relevant: Set<string>, k = K): Metrics {
  const top = ranked.slice(0, k);
  let hits = 0;
  let dcg = 0;
  top.forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      dcg += 1 / Math.log2(i + 2);
    }
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return { precisionAt10: hits / k, ndcgAt10: ideal > 0 ? dcg / ideal : 0, hitRateAt10: hits > 0 ? 1 : 0 };
}

function mean(list: Metrics[]): Metrics {
  const n = Math.max(1, list.length);
  const sum = (f: keyof Metrics) => list.reduce((a, m) => a + m[f], 0) / n;
  return { precisionAt10: sum("precisionAt10"), ndcgAt10: sum("ndcgAt10"), hitRateAt10: sum("hitRateAt10") };
}

/** The baseline: freelancers by the share of the project's skills they hold, ties by id. */
async function baselineRanking(client: ReturnType<typeof createClient>, projectId: string): Promise<string[]> {
  const rows = await client.execute({
    sql: `SELECT fs.user_id AS id, count(*) AS shared FROM freelancer_skills fs
          WHERE fs.skill_slug IN (SELECT skill_slug FROM project_skills WHERE project_id = ?)
          GROUP BY fs.user_id ORDER BY shared DESC, fs.user_id LIMIT ${K}`,
    args: [projectId],
  });
  return rows.rows.map((r) => String(r.id));
}

/** Evaluates engine and baseline on every project with a hire in the database at `url`. */
export async function evaluateMatching(url: string): Promise<EvaluationReport> {
  const client = createClient({ url });
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    const labelled = await client.execute(
      `SELECT c.project_id AS project, c.freelancer_id AS hired, p.created_at AS posted
       FROM contracts c JOIN projects p ON p.id = c.project_id
       WHERE c.status != 'declined' ORDER BY c.project_id`,
    );
    const byProject = new Map<string, { hired: Set<string>; posted: number }>();
    for (const r of labelled.rows) {
      const entry = byProject.get(String(r.project)) ?? { hired: new Set<string>(), posted: Number(r.posted) };
      entry.hired.add(String(r.hired));
      byProject.set(String(r.project), entry);
    }
    const engine: Metrics[] = [];
    const baseline: Metrics[] = [];
    for (const [projectId, { hired, posted }] of byProject) {
      const asOf = new Date(posted);
      const ctx: MatchingContext = { db, clock: { now: () => asOf } };
      const [facts] = await loadProjectFacts(ctx, [projectId]);
      const ranked = await rankFreelancersForProject(ctx, facts, { limit: K, asOf });
      engine.push(
        scoreRanking(
          ranked.map((m) => m.freelancer.id),
          hired,
        ),
      );
      baseline.push(scoreRanking(await baselineRanking(client, projectId), hired));
    }
    return { projects: byProject.size, engine: mean(engine), baseline: mean(baseline) };
  } finally {
    client.close();
  }
}

/** Seeds a market (deterministic for seed, clock and scale) into a fresh database file and evaluates it. */
export async function evaluateSeededMarket(options: { seed: number; now: Date; scale: MarketScale }): Promise<EvaluationReport> {
  const dir = mkdtempSync(join(tmpdir(), "megilance-eval-"));
  const url = `file:${join(dir, "eval.db")}`;
  try {
    await migrateDatabase(url);
    const client = createClient({ url });
    try {
      const db = drizzle(client, { schema });
      await loadTaxonomy(db);
      await seedMarket(db, { seed: options.seed, now: options.now, scale: options.scale });
    } finally {
      client.close();
    }
    return await evaluateMatching(url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatReport(report: EvaluationReport): string {
  const row = (name: string, m: Metrics) =>
    `${name.padEnd(22)} ${m.precisionAt10.toFixed(4).padStart(14)} ${m.ndcgAt10.toFixed(4).padStart(10)} ${m.hitRateAt10.toFixed(4).padStart(10)}`;
  return [
    `Projects with a hire (labels): ${report.projects}`,
    `${"ranking".padEnd(22)} ${"precision@10".padStart(14)} ${"NDCG@10".padStart(10)} ${"hit@10".padStart(10)}`,
    row("matching engine", report.engine),
    row("skills overlap only", report.baseline),
  ].join("\n");
}

if (process.argv[1] === import.meta.filename) {
  const url = process.env.DATABASE_URL;
  const report = url
    ? await evaluateMatching(url)
    : await evaluateSeededMarket({ seed: 20261122, now: new Date("2026-11-22T12:00:00Z"), scale: DEMO_MARKET_SCALE });
  console.log(formatReport(report));
}
