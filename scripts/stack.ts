import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { startLocalDbServer, type RoundTripStats } from "../db/local-server";
import { migrateDatabase } from "../db/migrate";
import { seedIfEmpty } from "../db/seed/run";
import { relyingPartyProblem } from "../worker/domain/auth/relying-party";
import { startLocalCron } from "./local-cron";

export interface StackOptions {
  /** Folder for the database file and the Workers runtime's local state. */
  dataDir: string;
  port: number;
  dbPort: number;
  seed: boolean;
  build: boolean;
  /** Drive the Cron Triggers on their real schedule (wrangler's local mode does not). */
  cron: boolean;
  /** Collect the build's and wrangler's output instead of printing it (read it with `output()`). */
  quiet?: boolean;
  vars?: Record<string, string>;
  /** Delay added to every database round trip (default: LOCAL_DB_LATENCY_MS, else 0). */
  dbLatencyMs?: number;
  /**
   * Serve the database from its own process (db/serve.ts) rather than this one: a bench does, so a slow query
   * never stalls the process that measures.
   */
  dbInChildProcess?: boolean;
}

/** The database server's round-trip counts and added latency, over its HTTP endpoints. */
export interface StackDb {
  stats(): Promise<RoundTripStats>;
  setLatency(ms: number): Promise<void>;
}

export interface Stack {
  url: string;
  databaseUrl: string;
  db: StackDb;
  /** What the build and wrangler printed so far (quiet mode only; empty otherwise). */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "..");
const BIN = (name: string) => resolve(ROOT, "node_modules/.bin", name);

/** Local libSQL server, migrations, seed, build, then the Worker in wrangler's local runtime. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const say = (message: string) => options.quiet || console.log(`[megilance] ${message}`);
  // localhost, not 127.0.0.1: the origin's host name is the passkey relying-party ID, and browsers refuse IPs there.
  const url = `http://localhost:${options.port}`;
  const vars = { APP_ORIGIN: url, ...options.vars };
  const problem = relyingPartyProblem(vars.APP_ORIGIN);
  if (problem) throw new Error(problem);
  const output: string[] = [];
  mkdirSync(options.dataDir, { recursive: true });
  const latencyMs = options.dbLatencyMs ?? Number(process.env.LOCAL_DB_LATENCY_MS || 0);
  const dbFile = resolve(options.dataDir, "megilance.db");
  const db = options.dbInChildProcess
    ? await startDbProcess(dbFile, options.dbPort, latencyMs)
    : await startLocalDbServer({ file: dbFile, port: options.dbPort, latencyMs });
  say(`database served at ${db.url}${latencyMs > 0 ? ` (${latencyMs} ms added per round trip)` : ""}`);
  const stackDb: StackDb = {
    stats: async () => {
      // A server busy with a long query answers when it is done; a very long one can outlast a fetch.
      for (let attempt = 1; ; attempt++) {
        try {
          return (await (await fetch(`${db.url}/stats`)).json()) as RoundTripStats;
        } catch (error) {
          if (attempt >= 5) throw error;
        }
      }
    },
    setLatency: async (ms) => {
      const res = await fetch(`${db.url}/latency`, { method: "POST", body: JSON.stringify({ ms }) });
      if (!res.ok) throw new Error(`Could not set the database latency: ${res.status} ${await res.text()}`);
    },
  };
  let worker: ChildProcess | undefined;
  let stopCron = () => {};
  try {
    await migrateDatabase(db.url);
    say("migrations applied");
    const wranglerDir = resolve(options.dataDir, "wrangler");
    if (options.seed) {
      // Through the embedded engine while nothing else uses the database yet: many times faster than over HTTP.
      const seeded = await seedIfEmpty(`file:${dbFile}`, (message) => say(message), { wranglerDir, appOrigin: vars.APP_ORIGIN });
      say(seeded ? "demo data seeded" : "database already has data; seed skipped");
    }
    if (options.build || !existsSync(resolve(ROOT, "build/server/index.js"))) {
      say("building the app");
      await buildApp(options.quiet ? output : undefined);
    }
    // --test-scheduled also serves /__scheduled and tells wrangler that crons are fired here (no "not triggered" warning).
    const args = ["dev", "--port", String(options.port), "--ip", "localhost", "--test-scheduled"];
    args.push("--persist-to", wranglerDir);
    for (const [key, value] of Object.entries({ DATABASE_URL: db.url, ...vars })) args.push("--var", `${key}:${value}`);
    worker = spawn(BIN("wrangler"), args, {
      cwd: ROOT,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_D1_WARNING: "true" },
      detached: true,
    });
    worker.stdout?.on("data", (chunk) => output.push(String(chunk)));
    worker.stderr?.on("data", (chunk) => output.push(String(chunk)));
    await waitForHttp(`${url}/api/health/live`, worker, () => output.join(""));
    say(`MegiLance is running at ${url}`);
    if (options.cron) stopCron = startLocalCron(url, say);
    const child = worker;
    return {
      url,
      databaseUrl: db.url,
      db: stackDb,
      output: () => output.join(""),
      async stop() {
        stopCron();
        await killGroup(child);
        await db.close();
      },
    };
  } catch (error) {
    stopCron();
    if (worker) await killGroup(worker);
    await db.close();
    throw error;
  }
}

/** db/serve.ts in its own process, stopped with the stack. */
async function startDbProcess(file: string, port: number, latencyMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(BIN("tsx"), [resolve(ROOT, "db/serve.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOCAL_DB_FILE: file, LOCAL_DB_PORT: String(port), LOCAL_DB_LATENCY_MS: String(latencyMs) },
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, child, () => output.join(""), 30_000);
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return { url, close: () => killGroup(child) };
}

/** `remix vite:build` (into `buildDirectory`, default build/); its output goes to the terminal, or into `collect`. */
export function buildApp(collect?: string[], buildDirectory?: string): Promise<void> {
  const command = BIN("remix");
  const args = ["vite:build"];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: collect ? ["ignore", "pipe", "pipe"] : "inherit",
      // Collected output keeps the colours a terminal shows (as under CI), so a yellow size or red line is seen.
      env: {
        ...process.env,
        ...(collect ? { FORCE_COLOR: "1" } : {}),
        ...(buildDirectory ? { BUILD_DIRECTORY: buildDirectory } : {}),
      },
    });
    child.stdout?.on("data", (chunk) => collect?.push(String(chunk)));
    child.stderr?.on("data", (chunk) => collect?.push(String(chunk)));
    child.on("exit", (code) => {
      if (code === 0) return resolvePromise();
      const printed = collect ? `:\n${collect.join("").slice(-4000)}` : "";
      reject(new Error(`${command} ${args.join(" ")} exited with ${code}${printed}`));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited early (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The Worker did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
