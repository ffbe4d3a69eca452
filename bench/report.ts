/** The bench's tables: every figure beside its ratio to readiness measured in the same run, and the targets. */
import type { BundleFigures } from "./bundle";
import type { Run } from "./measure";
import type { OverloadFigures } from "./overload";
import type { Scenario } from "./scenarios";

export interface ScenarioFigures {
  scenario: Scenario;
  /** One connection: p50 and round trips. */
  single: Run;
  /** BENCH_CONNECTIONS connections: throughput. */
  loaded: Run | null;
  /** One connection with added latency per database round trip. */
  far: Run | null;
}

/** Issue 15's targets for read pages and read APIs at 1M projects. */
export const TARGETS = { p50VsReady: 2, throughputVsReady: 0.5, roundTrips: 2, farP50Ms: 75, overloadHealthMs: 1000 };

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const failures = (run: Run | null) =>
  run ? run.errors + Object.entries(run.statuses).reduce((a, [code, n]) => a + (code.startsWith("2") ? 0 : n), 0) : 0;

export function printReport(input: {
  scale: string;
  latencyMs: number;
  figures: ScenarioFigures[];
  overload: OverloadFigures | null;
  bundles: BundleFigures | null;
}) {
  const base = input.figures.find((f) => f.scenario.baseline);
  const baseP50 = base?.single.p50Ms ?? NaN;
  const baseRps = base?.loaded?.requestsPerSecond ?? NaN;
  const rows = input.figures.map((f) => {
    const p50Ratio = f.single.p50Ms / baseP50;
    const rpsRatio = f.loaded ? f.loaded.requestsPerSecond / baseRps : NaN;
    const misses: string[] = [];
    if (f.scenario.read) {
      if (!(p50Ratio <= TARGETS.p50VsReady)) misses.push("p50");
      if (!(rpsRatio >= TARGETS.throughputVsReady)) misses.push("req/s");
      if (!(f.single.roundTrips <= TARGETS.roundTrips)) misses.push("trips");
      if (f.far && !(f.far.p50Ms <= TARGETS.farP50Ms)) misses.push(`+${input.latencyMs}ms`);
    }
    return {
      scenario: f.scenario.name,
      "p50 ms": f.single.p50Ms,
      "p50 ÷ ready": fixed(p50Ratio),
      "req/s": f.loaded ? Math.round(f.loaded.requestsPerSecond) : "–",
      "req/s ÷ ready": fixed(rpsRatio),
      "db trips": fixed(f.single.roundTrips),
      [`p50 +${input.latencyMs}ms`]: f.far ? f.far.p50Ms : "–",
      "non-2xx": failures(f.single) + failures(f.loaded) + failures(f.far),
      targets: f.scenario.read ? (misses.length === 0 ? "met" : `missed: ${misses.join(", ")}`) : "",
    };
  });
  console.log(`\n${input.scale} market; ratios to "${base?.scenario.name ?? "?"}" in this run`);
  console.table(rows);
  if (input.overload) {
    const o = input.overload;
    console.log(
      `overload: ${o.connections} connections for ${o.durationS} s on ${o.path}: statuses ${JSON.stringify(o.statuses)}, ` +
        `${o.errors} transport errors, ${o.withoutRetryAfter} 503s without Retry-After; health max ${o.healthMaxMs} ms ` +
        `(${o.healthSamples} samples) — ${o.ok ? "met" : "missed"}`,
    );
  }
  if (input.bundles) {
    const b = input.bundles;
    console.log(
      `bundles: Worker ${b.workerGzipKb} KB gzipped (${b.workerRawKb} KB raw), start-up CPU ${b.startupCpuMs ?? "–"} ms; ` +
        `landing page JS ${b.landingJsGzipKb} KB gzipped in ${b.landingJsFiles} files`,
    );
  }
  return {
    rows,
    figures: input.figures.map(({ scenario, ...rest }) => ({ name: scenario.name, ...rest })),
    overload: input.overload,
    bundles: input.bundles,
  };
}
