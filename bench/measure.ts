/** One autocannon run of one route, with the database round trips it caused (from the local server's counter). */
import autocannon from "autocannon";
import type { RoundTripStats } from "../db/local-server";

export interface Target {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  timeoutS?: number;
}

export interface Run {
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Transport errors and timeouts. */
  errors: number;
  /** Responses by status class ("2xx", "4xx" ...) and code. */
  statuses: Record<string, number>;
  /** Database requests per HTTP request while this run lasted. */
  roundTrips: number;
}

export async function measure(
  baseUrl: string,
  target: Target,
  options: { connections: number; durationS: number; dbStats: () => Promise<RoundTripStats> },
): Promise<Run> {
  const before = (await options.dbStats()).requests;
  const result = await autocannon({
    url: baseUrl + target.path,
    method: target.method ?? "GET",
    body: target.body,
    headers: target.headers,
    connections: options.connections,
    duration: options.durationS,
    timeout: target.timeoutS,
  });
  const dbRequests = (await options.dbStats()).requests - before;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (answered === 0 && options.connections === 1) return timeOneRequest(baseUrl, target, options.dbStats);
  return {
    connections: options.connections,
    requests: answered,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses,
    roundTrips: answered > 0 ? dbRequests / answered : NaN,
  };
}

/** A route too slow for even one answer within a run: one request, timed alone, however long it takes. */
async function timeOneRequest(baseUrl: string, target: Target, dbStats: () => Promise<RoundTripStats>): Promise<Run> {
  // What the run left queued goes first, or it would be timed too.
  for (let i = 0; i < 3000 && (await dbStats()).inFlight > 0; i++) await new Promise((r) => setTimeout(r, 200));
  const before = (await dbStats()).requests;
  const started = performance.now();
  let status = "error";
  try {
    const res = await fetch(baseUrl + target.path, {
      method: target.method ?? "GET",
      body: target.body,
      headers: target.headers,
      signal: AbortSignal.timeout(300_000),
    });
    await res.arrayBuffer();
    status = String(res.status);
  } catch {
    // counted as an error below
  }
  const ms = Math.round(performance.now() - started);
  const trips = (await dbStats()).requests - before;
  return {
    connections: 1,
    requests: status === "error" ? 0 : 1,
    requestsPerSecond: status === "error" ? 0 : 1000 / ms,
    p50Ms: ms,
    p99Ms: ms,
    errors: status === "error" ? 1 : 0,
    statuses: status === "error" ? {} : { [status]: 1 },
    roundTrips: trips,
  };
}

/** A few sequential requests so caches (taxonomy, compiled routes) are warm before timing. */
export async function warmUp(baseUrl: string, target: Target, times = 3): Promise<number> {
  let status = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    try {
      const res = await fetch(baseUrl + target.path, {
        method: target.method ?? "GET",
        body: target.body,
        headers: target.headers,
        signal: AbortSignal.timeout(20_000),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 0;
    }
    // A route this slow is warm enough after one request; more would only queue work for the database.
    if (performance.now() - started > 2_000) break;
  }
  return status;
}
