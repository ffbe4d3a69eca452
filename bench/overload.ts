/**
 * Search under overload: 200 connections on a common-word search for 10 s, while readiness is polled every
 * 100 ms. Met when every answer is 2xx, 429 or 503 (each 503 with Retry-After) and health always answered
 * within a second.
 */
import autocannon from "autocannon";
import { TARGETS } from "./report";

export interface OverloadFigures {
  path: string;
  connections: number;
  durationS: number;
  statuses: Record<string, number>;
  errors: number;
  withoutRetryAfter: number;
  healthMaxMs: number;
  healthSamples: number;
  ok: boolean;
}

const ALLOWED = /^(2\d\d|429|503)$/;

export async function overloadCheck(
  baseUrl: string,
  options: { path?: string; connections?: number; durationS?: number } = {},
): Promise<OverloadFigures> {
  const path = options.path ?? "/api/projects?q=web";
  const connections = options.connections ?? Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 200);
  const durationS = options.durationS ?? Number(process.env.BENCH_OVERLOAD_DURATION_S ?? 10);
  process.stdout.write(`overload: ${connections} connections on ${path} for ${durationS} s while polling health… `);
  let withoutRetryAfter = 0;
  let polling = true;
  const health: number[] = [];
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        health.push(res.ok ? performance.now() - started : Infinity);
      } catch {
        health.push(Infinity);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await autocannon({
    url: baseUrl + path,
    connections,
    duration: durationS,
    requests: [
      {
        method: "GET",
        onResponse: (status, _body, _context, headers) => {
          const names = Object.keys(headers ?? {}).map((h) => h.toLowerCase());
          if (status === 503 && !names.includes("retry-after")) withoutRetryAfter++;
        },
      },
    ],
  });
  polling = false;
  await poller;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  const healthMaxMs = Math.round(Math.max(0, ...health));
  const errors = result.errors + result.timeouts;
  const ok =
    errors === 0 &&
    withoutRetryAfter === 0 &&
    Object.keys(statuses).every((code) => ALLOWED.test(code)) &&
    healthMaxMs < TARGETS.overloadHealthMs;
  console.log(ok ? "met" : "missed");
  return { path, connections, durationS, statuses, errors, withoutRetryAfter, healthMaxMs, healthSamples: health.length, ok };
}
