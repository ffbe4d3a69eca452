/**
 * The cron's fraud sweep in queue-sized chunks: on two copies of the same seeded day (planted fraud included), the
 * sweep in one call and the sweep cut into chunks, each run on its own as the queue consumer runs it, end with the
 * same alerts, holds and totals; a redelivered chunk, or two copies of one delivered at once, write nothing twice.
 */
import { createClient, type Client } from "@libsql/client";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { migrateDatabase } from "../migrate";
import * as schema from "../schema";
import { newId } from "../schema/ids";
import { createDomainContext, type DomainContext } from "../../worker/domain/context";
import { planFraudSweep, runFraudSweep, runFraudSweepChunk, type SweepResult } from "../../worker/domain/trust/sweep";
import { DAY_MS } from "../../worker/domain/trust/weights";
import { seedMarket } from "./market";
import { loadTaxonomy } from "./taxonomy-load";
import { seedOneDayOfActivity } from "./trust-activity";

const NOW = new Date("2026-11-20T18:00:00Z");
/** Small chunks, so the test day is cut into several. */
const CHUNK_SUBJECTS = 40;
const dir = mkdtempSync(join(tmpdir(), "megilance-sweep-chunks-"));
const clients: Client[] = [];

function contextFor(file: string): DomainContext {
  const client = createClient({ url: `file:${file}` });
  clients.push(client);
  return createDomainContext({
    db: drizzle(client, { schema }) as unknown as Db,
    clock: { now: () => new Date(NOW) },
    newId: () => newId(NOW.getTime()),
    log: () => {},
    config: { appOrigin: "http://localhost:8787", secret: "sweep-chunks-test-secret-sweep-chunks" },
    rateLimiter: {
      hit: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      peek: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      reset: async () => {},
    },
    sendEmail: async () => {},
  });
}

let whole: DomainContext;
let chunked: DomainContext;

beforeAll(async () => {
  const seeded = join(dir, "seeded.db");
  await migrateDatabase(`file:${seeded}`);
  const client = createClient({ url: `file:${seeded}` });
  const db = drizzle(client, { schema });
  await loadTaxonomy(db);
  await seedMarket(db, { seed: 99, now: NOW });
  await seedOneDayOfActivity(db, { now: NOW });
  client.close();
  copyFileSync(seeded, join(dir, "chunked.db"));
  whole = contextFor(seeded);
  chunked = contextFor(join(dir, "chunked.db"));
}, 120_000);

afterAll(() => {
  for (const client of clients) client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a sweep leaves behind, without the ids and times that differ between two runs. */
async function outcome(ctx: DomainContext) {
  const alerts = await ctx.db.select().from(schema.fraudAlerts).orderBy(asc(schema.fraudAlerts.kind), asc(schema.fraudAlerts.subjectId));
  const holds = await ctx.db.select().from(schema.payoutHolds).orderBy(asc(schema.payoutHolds.userId));
  const holdEvents = await ctx.db.select().from(schema.events).where(eq(schema.events.type, "trust.payout_hold"));
  return {
    alerts: alerts.map((a) => ({
      kind: a.kind,
      subjectId: a.subjectId,
      userId: a.userId,
      score: a.score,
      level: a.level,
      signals: a.signals,
    })),
    heldUsers: holds.map((h) => h.userId),
    holdsPointAtAlerts: holds.every((h) => alerts.some((a) => a.id === h.alertId && a.userId === h.userId)),
    holdEvents: holdEvents.map((e) => e.subjectId).sort(),
  };
}

describe("the fraud sweep in queue-sized chunks", () => {
  it("runs a day as several chunks, each on its own, with the same result as one call; repeats write nothing", async () => {
    const inOneCall = await runFraudSweep(whole, DAY_MS);
    expect(inOneCall.created).toBeGreaterThan(0);
    expect(inOneCall.held).toBeGreaterThan(0);

    const jobs = await planFraudSweep(chunked, DAY_MS, CHUNK_SUBJECTS);
    expect(jobs.length).toBeGreaterThan(3);
    expect(new Set(jobs.map((j) => j.sweepId)).size).toBe(1);
    for (const job of jobs) {
      expect(job.chunks).toBe(jobs.length);
      expect(job.userIds.length).toBeLessThanOrEqual(CHUNK_SUBJECTS);
      expect(job.projectIds.length).toBeLessThanOrEqual(CHUNK_SUBJECTS);
      expect(job.paymentIds.length).toBeLessThanOrEqual(CHUNK_SUBJECTS);
    }
    // Every active subject is in exactly one chunk.
    const users = jobs.flatMap((j) => j.userIds);
    expect(new Set(users).size).toBe(users.length);
    expect(users.length).toBe(inOneCall.scored.users);
    expect(jobs.flatMap((j) => j.projectIds).length).toBe(inOneCall.scored.projects);
    expect(jobs.flatMap((j) => j.paymentIds).length).toBe(inOneCall.scored.payments);

    // The queue delivers the first chunk twice at once; one copy writes, the other finds it done.
    const [first, copy] = await Promise.all([runFraudSweepChunk(chunked, jobs[0]), runFraudSweepChunk(chunked, jobs[0])]);
    expect(first.sweep).toBeNull();
    expect(copy.sweep).toBeNull();
    const times: number[] = [];
    let finished: SweepResult | null = null;
    for (const [i, job] of jobs.entries()) {
      if (i === 0) continue;
      const started = performance.now();
      const { sweep } = await runFraudSweepChunk(chunked, job);
      times.push(performance.now() - started);
      // Only the chunk that completes the sweep has its result.
      if (i < jobs.length - 1) expect(sweep).toBeNull();
      finished = sweep;
    }
    console.log(
      `[fraud sweep chunks] ${jobs.length} chunks of at most ${CHUNK_SUBJECTS} subjects of each kind; largest ${Math.round(Math.max(...times))} ms`,
    );
    expect(finished).toEqual(inOneCall);
    expect(await outcome(chunked)).toEqual(await outcome(whole));
    const chunkRows = await chunked.db.select().from(schema.fraudSweepChunks);
    expect(chunkRows.map((r) => r.chunk).sort((a, b) => a - b)).toEqual(jobs.map((j) => j.chunk));

    // Redelivered after the sweep finished: nothing new, the same totals.
    const before = await outcome(chunked);
    for (const job of [jobs[1], jobs[jobs.length - 1]]) expect((await runFraudSweepChunk(chunked, job)).sweep).toEqual(inOneCall);
    expect(await outcome(chunked)).toEqual(before);
    expect(await chunked.db.$count(schema.fraudSweepChunks)).toBe(jobs.length);
  }, 180_000);
});
