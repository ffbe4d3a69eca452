import autocannon from "autocannon";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../scripts/free-port";
import { startStack } from "../scripts/stack";
import { migrateDatabase } from "../db/migrate";
import { seedIfEmpty } from "../db/seed/run";
import { seedLargeMarket } from "./seed-large";

/** BENCH_SCALE=large (default) fills the market the search figures are quoted on; "demo" keeps the demo seed. */
const SCALE = process.env.BENCH_SCALE ?? "large";

async function prepareDatabase(dataDir: string): Promise<void> {
  // Written through the embedded engine before the HTTP server starts: much faster than over HTTP.
  const url = `file:${join(dataDir, "megilance.db")}`;
  await migrateDatabase(url);
  if (SCALE === "large") {
    const started = Date.now();
    await seedLargeMarket(url, { onProgress: (message) => process.stdout.write(`\r[bench] ${message}`.padEnd(80)) });
    console.log(`\n[bench] large market seeded in ${Math.round((Date.now() - started) / 1000)} s`);
  } else {
    await seedIfEmpty(url);
  }
}
import { SCENARIOS, type Scenario } from "./scenarios";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Figure {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(baseUrl: string, scenario: Scenario): Promise<Figure> {
  const result = await autocannon({
    url: baseUrl + scenario.path,
    method: scenario.method ?? "GET",
    body: scenario.body,
    headers: scenario.headers,
    connections: scenario.connections ?? CONNECTIONS,
    duration: DURATION_S,
    timeout: scenario.timeoutS,
  });
  return {
    name: scenario.name,
    path: scenario.path,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const ratio = (value: number, base: number) => (base > 0 ? value / base : NaN);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-bench-"));
  await prepareDatabase(dataDir);
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: true,
    // BENCH_SKIP_BUILD=1 reuses build/ (e.g. built with a lock while others run tests).
    build: process.env.BENCH_SKIP_BUILD !== "1",
    cron: false,
    quiet: true,
  });
  try {
    const figures: Figure[] = [];
    for (const scenario of SCENARIOS) {
      process.stdout.write(`measuring ${scenario.name} for ${DURATION_S}s… `);
      const prepared = scenario.prepare
        ? { ...scenario, ...(await scenario.prepare({ baseUrl: stack.url, databaseUrl: stack.databaseUrl })) }
        : scenario;
      figures.push(await measure(stack.url, prepared));
      console.log("done");
    }
    const base = figures[SCENARIOS.findIndex((s) => s.baseline)] ?? figures[0];
    const rows = figures.map((f) => ({
      scenario: f.name,
      "req/s": Math.round(f.requestsPerSecond),
      "req/s ÷ base": ratio(f.requestsPerSecond, base.requestsPerSecond).toFixed(2),
      "p50 ms": f.p50Ms,
      "p50 ÷ base": ratio(f.p50Ms, base.p50Ms).toFixed(2),
      "p99 ms": f.p99Ms,
      "p99 ÷ base": ratio(f.p99Ms, base.p99Ms).toFixed(2),
      errors: f.errors + f.non2xx,
    }));
    console.table(rows);
    const outDir = resolve(import.meta.dirname, "results");
    mkdirSync(outDir, { recursive: true });
    const file = resolve(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    const report = {
      at: new Date().toISOString(),
      durationSeconds: DURATION_S,
      connections: CONNECTIONS,
      baseline: base.name,
      figures,
      rows,
    };
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`written to ${file}`);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
