/**
 * The cron's fraud sweep in queue-sized chunks, timed: one day of activity with planted fraud (BENCH_ACTIVITY) on
 * the cached bench market, served by the local libSQL server as the Worker reaches it. Times the planning step, each
 * chunk as the queue consumer runs it, and, on an identical copy, the same sweep in one call.
 *
 *   npx tsx bench/sweep-chunks.ts        (SWEEP_CHUNK_SUBJECTS=<n> to try another chunk size)
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "../db/client";
import { startLocalDbServer } from "../db/local-server";
import * as schema from "../db/schema";
import { BENCH_ACTIVITY, seedOneDayOfActivity } from "../db/seed/trust-activity";
import { createDomainContext, type DomainContext } from "../worker/domain/context";
import { planFraudSweep, runFraudSweep, runFraudSweepChunk, SWEEP_CHUNK_SUBJECTS } from "../worker/domain/trust/sweep";
import { DAY_MS } from "../worker/domain/trust/weights";
import { cachedMarket } from "./market-cache";

const CHUNK = Number(process.env.SWEEP_CHUNK_SUBJECTS ?? SWEEP_CHUNK_SUBJECTS);
const round = (ms: number) => Math.round(ms);

function contextFor(url: string, now: Date): DomainContext {
  return createDomainContext({
    db: createDb({ DATABASE_URL: url }),
    clock: { now: () => new Date(now) },
    log: () => {},
    config: { appOrigin: "http://localhost:8787", secret: "bench-sweep-chunks-secret-bench-sweep" },
    rateLimiter: {
      hit: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      peek: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      reset: async () => {},
    },
    sendEmail: async () => {},
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "megilance-sweep-chunks-"));
  try {
    const market = await cachedMarket("large", (m) => console.log(`building the bench market: ${m}`));
    const chunkedFile = join(dir, "chunked.db");
    const oneCallFile = join(dir, "one-call.db");
    copyFileSync(market, chunkedFile);
    const now = new Date();
    const client = createClient({ url: `file:${chunkedFile}` });
    const activity = await seedOneDayOfActivity(drizzle(client, { schema }), { now, scale: BENCH_ACTIVITY });
    client.close();
    copyFileSync(chunkedFile, oneCallFile);
    console.log(`one day of activity seeded (${activity.fraudulentUserIds.size} planted fraudulent accounts)`);

    const chunkedServer = await startLocalDbServer({ file: chunkedFile, port: 0 });
    const ctx = contextFor(chunkedServer.url, now);
    const plan = await timed(() => planFraudSweep(ctx, DAY_MS, CHUNK));
    const jobs = plan.value;
    const chunkTimes: number[] = [];
    let sweep = null;
    for (const job of jobs) {
      const run = await timed(() => runFraudSweepChunk(ctx, job));
      chunkTimes.push(run.ms);
      sweep = run.value.sweep;
    }
    await chunkedServer.close();

    const oneCallServer = await startLocalDbServer({ file: oneCallFile, port: 0 });
    const oneCall = await timed(() => runFraudSweep(contextFor(oneCallServer.url, now), DAY_MS));
    await oneCallServer.close();

    const sorted = [...chunkTimes].sort((a, b) => a - b);
    const report = {
      at: new Date().toISOString(),
      chunkSubjects: CHUNK,
      chunks: jobs.length,
      subjects: oneCall.value.scored,
      planMs: round(plan.ms),
      chunkMs: { p50: round(sorted[Math.floor(sorted.length / 2)] ?? 0), largest: round(sorted[sorted.length - 1] ?? 0) },
      chunkedTotalMs: round(plan.ms + chunkTimes.reduce((a, b) => a + b, 0)),
      oneCallMs: round(oneCall.ms),
      sameResult: JSON.stringify(sweep) === JSON.stringify(oneCall.value),
      sweep,
    };
    console.table([
      { step: "plan (cron task)", ms: report.planMs },
      { step: `chunk p50 (${jobs.length} chunks of ≤ ${CHUNK} subjects each kind)`, ms: report.chunkMs.p50 },
      { step: "largest chunk", ms: report.chunkMs.largest },
      { step: "all chunks one after another, with the plan", ms: report.chunkedTotalMs },
      { step: "the same sweep in one call", ms: report.oneCallMs },
    ]);
    console.log(`same result as one call: ${report.sameResult}`);
    const outDir = resolve(import.meta.dirname, "results");
    mkdirSync(outDir, { recursive: true });
    const file = resolve(outDir, `sweep-chunks-${report.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`written to ${file}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
