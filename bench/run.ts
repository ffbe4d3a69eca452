/**
 * `npm run bench`: the app as `npm run dev` runs it, over a large market, measured route by route.
 *
 * Every scenario is measured three ways, as ratios to readiness (one database round trip) in the same run:
 * p50 at one connection, throughput at BENCH_CONNECTIONS, and p50 again with BENCH_LATENCY_MS added to every
 * database round trip (the distance between a Worker and Turso). The local database server counts requests, so
 * each figure comes with the database round trips one HTTP request made. Then 200 connections on search while
 * health is polled, and the bundle sizes.
 *
 *   BENCH_SCALE=large (default: 100,000 projects) | 1m (1,000,000 projects) | demo
 *   BENCH_DURATION_S (per run, default 5)  BENCH_CONNECTIONS (default 50)  BENCH_LATENCY_MS (default 25)
 *   BENCH_ONLY=<regex over scenario names>  BENCH_SKIP_BUILD=1 (reuse build/)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../scripts/free-port";
import { startStack, type Stack } from "../scripts/stack";
import { measureBundles } from "./bundle";
import { prepareBenchDatabase } from "./database";
import { measure, warmUp, type Run, type Target } from "./measure";
import { overloadCheck } from "./overload";
import { preparePersonas, type Personas } from "./personas";
import { printReport, type ScenarioFigures } from "./report";
import { SCENARIOS, type Scenario } from "./scenarios";

const SCALE = process.env.BENCH_SCALE ?? "large";
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 25);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const SECRET = `bench-secret-${crypto.randomUUID()}`;

/** Waits until the database has answered everything a run left queued, so it does not slow the next run. */
async function drain(stack: Stack, maxSeconds = 900): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (Date.now() < deadline) {
    // A busy server may not even answer this until the query in hand is done.
    const inFlight = await stack.db.stats().then(
      (s) => s.inFlight,
      () => 1,
    );
    if (inFlight === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Slower than this at one connection, a route is not loaded with many: the queue would outlast the run by minutes. */
const TOO_SLOW_TO_LOAD_MS = 2_000;

async function targetOf(scenario: Scenario, stack: Stack, personas: Personas): Promise<Target> {
  const persona = scenario.as ? personas[scenario.as] : null;
  const api = (typeof scenario.path === "string" ? scenario.path : "/api").startsWith("/api");
  const headers = {
    ...scenario.headers,
    ...(persona ? (api ? { Authorization: persona.authorization } : { Cookie: persona.cookie }) : {}),
  };
  const base: Target = {
    path: typeof scenario.path === "function" ? scenario.path(personas) : scenario.path,
    method: scenario.method,
    body: scenario.body,
    headers,
    timeoutS: scenario.timeoutS,
  };
  if (!scenario.prepare) return base;
  const prepared = await scenario.prepare({ baseUrl: stack.url, databaseUrl: stack.databaseUrl });
  return { ...base, ...prepared, path: typeof prepared.path === "string" ? prepared.path : base.path };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-bench-"));
  await prepareBenchDatabase(SCALE, dataDir);
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: true,
    // BENCH_SKIP_BUILD=1 reuses build/ (e.g. built with a lock while others run tests).
    build: process.env.BENCH_SKIP_BUILD !== "1",
    cron: false,
    quiet: true,
    dbLatencyMs: 0,
    dbInChildProcess: true,
    vars: { SESSION_SECRET: SECRET },
  });
  try {
    const personas = await preparePersonas({ databaseUrl: stack.databaseUrl, appOrigin: stack.url, secret: SECRET });
    const chosen = SCENARIOS.filter((s) => s.baseline || !ONLY || ONLY.test(s.name));
    const targets = new Map<Scenario, Target>();
    const figures = new Map<Scenario, ScenarioFigures>();
    const dbStats = () => stack.db.stats();
    for (const scenario of chosen) {
      const target = await targetOf(scenario, stack, personas);
      const status = await warmUp(stack.url, target, scenario.once ? 0 : 3);
      if (status === 404 && !scenario.prepare) {
        console.log(`skipping ${scenario.name}: ${target.path} answers 404 (not built yet)`);
        continue;
      }
      targets.set(scenario, target);
      process.stdout.write(`measuring ${scenario.name}… `);
      const single = await measure(stack.url, target, { connections: 1, durationS: DURATION_S, dbStats });
      let loaded: Run | null = null;
      if (!scenario.once)
        loaded = await measure(stack.url, target, { connections: scenario.connections ?? CONNECTIONS, durationS: DURATION_S, dbStats });
      figures.set(scenario, { scenario, single, loaded, far: null });
      console.log(`p50 ${single.p50Ms} ms, ${single.roundTrips.toFixed(2)} round trips`);
    }
    if (LATENCY_MS > 0) {
      await stack.db.setLatency(LATENCY_MS);
      for (const [scenario, first] of targets) {
        const near = figures.get(scenario)!.single;
        // Added latency would not change the story of a route that takes seconds without it.
        if (scenario.once || near.requests === 0 || near.p50Ms > TOO_SLOW_TO_LOAD_MS) continue;
        // Prepared credentials (an admin's access token) may have expired since the first pass.
        const target = scenario.prepare ? await targetOf(scenario, stack, personas) : first;
        process.stdout.write(`measuring ${scenario.name} with ${LATENCY_MS} ms per round trip… `);
        await warmUp(stack.url, target, 1);
        await drain(stack);
        const far = await measure(stack.url, target, { connections: 1, durationS: DURATION_S, dbStats });
        await drain(stack);
        figures.get(scenario)!.far = far;
        console.log(`p50 ${far.p50Ms} ms`);
      }
      await stack.db.setLatency(0);
    }
    const overload = !ONLY || ONLY.test("overload") ? await overloadCheck(stack.url) : null;
    const bundles = process.env.BENCH_SKIP_BUNDLES === "1" ? null : await measureBundles(stack.url);
    const report = printReport({ scale: SCALE, latencyMs: LATENCY_MS, figures: [...figures.values()], overload, bundles });
    const outDir = resolve(import.meta.dirname, "results");
    mkdirSync(outDir, { recursive: true });
    const file = resolve(outDir, `bench-${SCALE}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { at: new Date().toISOString(), scale: SCALE, durationSeconds: DURATION_S, connections: CONNECTIONS, ...report },
        null,
        2,
      ),
    );
    console.log(`written to ${file}`);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
