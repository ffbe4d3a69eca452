import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureChromium } from "./ensure-chromium";

/**
 * `npm test`: make sure the browser exists, check formatting, types and lint, build the app, then run every vitest
 * project.
 *
 * With no arguments the browser journeys (the e2e project: one app, one browser, mostly waiting on pages) run
 * beside the node and workers projects (CPU-bound module loading in workerd) in a second vitest process, so the
 * waits of one fill the other's gaps; their output follows once both are done. With arguments, one vitest run
 * gets them as given (`npm test -- --project workers worker/api`).
 */
const ROOT = resolve(import.meta.dirname, "..");
const bin = (name: string) => resolve(ROOT, "node_modules/.bin", name);
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
const step = (label: string, command: string, args: string[]) => {
  console.log(`\n[megilance] ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

ensureChromium();
step("checking formatting", bin("prettier"), ["--check", "--log-level", "warn", "."]);
step("type-checking", bin("tsc"), ["-p", "."]);
step("linting (layers, hooks, accessibility)", bin("eslint"), ["--max-warnings", "0", "."]);
step("building the app", bin("remix"), ["vite:build"]);

const args = process.argv.slice(2);
if (args.length > 0) step("running the tests", bin("vitest"), ["run", ...args]);
else {
  console.log("\n[megilance] running the tests: node and workers here, the browser journeys beside them (printed at the end)");
  const logDir = mkdtempSync(join(tmpdir(), "megilance-e2e-log-"));
  const logFile = join(logDir, "e2e.log");
  const log = createWriteStream(logFile);
  const journeys = spawn(bin("vitest"), ["run", "--project", "e2e"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  journeys.stdout.pipe(log, { end: false });
  journeys.stderr.pipe(log, { end: false });
  const exited = (child: ReturnType<typeof spawn>) => new Promise<number>((done) => child.on("close", (code) => done(code ?? 1)));
  // Both children run asynchronously: a blocking spawn here would stop the journeys' output from being drained.
  // The journeys wait on a live app and a browser, and time out when a page takes too long; the node and workers
  // tests only need throughput. So the latter run at a lower scheduling priority, and a busy machine slows them
  // down rather than the pages.
  const [command, ...commandArgs] = [...lowerPriority(), bin("vitest"), "run", "--project", "node", "--project", "workers"];
  const rest = spawn(command!, commandArgs, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  // The node and workers output streams as it comes, and is also kept so that its failures can be repeated last.
  const restOutput: Buffer[] = [];
  rest.stdout.on("data", (chunk: Buffer) => (restOutput.push(chunk), process.stdout.write(chunk)));
  rest.stderr.on("data", (chunk: Buffer) => (restOutput.push(chunk), process.stderr.write(chunk)));
  const [restCode, journeysCode] = await Promise.all([exited(rest), exited(journeys)]);
  await new Promise<void>((done) => log.end(done));
  console.log("\n[megilance] the browser journeys (e2e):\n");
  const journeysOutput = readFileSync(logFile);
  process.stdout.write(journeysOutput);
  rmSync(logDir, { recursive: true, force: true });
  const failed = [restCode !== 0 ? "node/workers" : "", journeysCode !== 0 ? "e2e" : ""].filter(Boolean);
  if (failed.length > 0) {
    // Whoever reads only the end of a long log still learns which tests failed, and why.
    if (restCode !== 0) printFailures("node/workers", Buffer.concat(restOutput).toString());
    if (journeysCode !== 0) printFailures("e2e", journeysOutput.toString());
    console.error(`\n[megilance] failed: ${failed.join(" and ")}`);
    process.exit(1);
  }
  console.log("\n[megilance] all test projects passed");
}

/** Repeats a vitest run's failure report (from its failure heading, at most 120 lines) under a heading. */
function printFailures(label: string, output: string) {
  // eslint-disable-next-line no-control-regex -- vitest colours its output with ANSI escapes
  const lines = output.replace(/\u001b\[[0-9;]*m/g, "").split("\n");
  const heading = lines.findIndex((line) => /Failed (Tests|Suites) \d+/.test(line));
  const first = heading !== -1 ? heading : lines.findIndex((line) => /^\s*FAIL\s/.test(line));
  const report = first === -1 ? lines.filter((line) => /×|Error|Timed out|timed out/.test(line)) : lines.slice(first);
  console.error(`\n[megilance] what failed in ${label}:\n`);
  console.error(report.slice(0, 120).join("\n"));
}

/** `nice -n 10` where the system has it (Linux, macOS), so that what follows yields the CPU to the journeys. */
function lowerPriority(): string[] {
  if (process.platform === "win32") return [];
  return spawnSync("nice", ["-n", "10", "true"]).status === 0 ? ["nice", "-n", "10"] : [];
}
