/**
 * Precision of the fraud sweep on a seeded market with planted fraud: a day of honest activity (with its
 * awkward cases) and known fraudulent accounts; every alert is checked against what was planted.
 */
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { migrateDatabase } from "../migrate";
import * as schema from "../schema";
import { newId } from "../schema/ids";
import { createDomainContext, type DomainContext } from "../../worker/domain/context";
import { runFraudSweep } from "../../worker/domain/trust/sweep";
import { DAY_MS } from "../../worker/domain/trust/weights";
import { seedMarket } from "./market";
import { loadTaxonomy } from "./taxonomy-load";
import { seedOneDayOfActivity, type ActivityResult } from "./trust-activity";

const NOW = new Date("2026-11-20T18:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "megilance-trust-"));
let client: Client;
let ctx: DomainContext;
let planted: ActivityResult;

beforeAll(async () => {
  const url = `file:${join(dir, "trust.db")}`;
  await migrateDatabase(url);
  client = createClient({ url });
  const db = drizzle(client, { schema });
  await loadTaxonomy(db);
  await seedMarket(db, { seed: 99, now: NOW });
  planted = await seedOneDayOfActivity(db, { now: NOW });
  ctx = createDomainContext({
    db: db as unknown as Db,
    clock: { now: () => new Date(NOW) },
    newId: () => newId(NOW.getTime()),
    log: () => {},
    config: { appOrigin: "http://localhost:8787", secret: "precision-test-secret-precision-test" },
    rateLimiter: {
      hit: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      peek: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      reset: async () => {},
    },
    sendEmail: async () => {},
  });
}, 120_000);

afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("fraud sweep on planted cases", () => {
  it("flags the planted accounts with high precision, and a second sweep adds nothing", async () => {
    const first = await runFraudSweep(ctx, DAY_MS);
    const alerts = await ctx.db.select().from(schema.fraudAlerts);
    expect(alerts.length).toBe(first.created);
    const truePositives = alerts.filter((a) => a.userId && planted.fraudulentUserIds.has(a.userId));
    const caught = new Set(truePositives.map((a) => a.userId));
    const precision = truePositives.length / alerts.length;
    const recall = caught.size / planted.fraudulentUserIds.size;
    const falsePositives = alerts.filter((a) => !a.userId || !planted.fraudulentUserIds.has(a.userId));
    console.log(
      `[fraud precision] scored ${first.scored.users} users, ${first.scored.projects} projects, ${first.scored.payments} payments; ` +
        `${alerts.length} alerts, ${truePositives.length} on planted accounts: precision ${(precision * 100).toFixed(1)}%, ` +
        `recall ${(recall * 100).toFixed(1)}% of ${planted.fraudulentUserIds.size} planted accounts; false positives: ` +
        JSON.stringify(falsePositives.map((a) => ({ kind: a.kind, score: a.score, signals: a.signals.map((s) => s.code) }))),
    );
    expect(first.scored.users).toBeGreaterThan(planted.fraudulentUserIds.size);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.7);
    // Every kind of planted case is caught by its own kind of alert.
    expect(new Set(truePositives.map((a) => a.kind))).toEqual(new Set(["user_risk", "project_risk", "payment_risk"]));

    const again = await runFraudSweep(ctx, DAY_MS);
    expect(again.created).toBe(0);
    expect(await ctx.db.$count(schema.fraudAlerts)).toBe(alerts.length);
    // Critical alerts hold payouts, once per account.
    const holds = await ctx.db.select().from(schema.payoutHolds);
    const criticalUsers = new Set(alerts.filter((a) => a.level === "critical" && a.userId).map((a) => a.userId));
    expect(new Set(holds.map((h) => h.userId))).toEqual(criticalUsers);
    expect(holds.length).toBe(criticalUsers.size);
  }, 120_000);
});
