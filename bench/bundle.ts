/**
 * What a cold start and a first visit cost: the Worker bundle's gzipped size as `wrangler deploy` would upload
 * it, its start-up CPU in `wrangler check startup` (profile time that is not idle), and the JavaScript the
 * landing page loads, gzipped.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFigures {
  workerRawKb: number;
  workerGzipKb: number;
  startupCpuMs: number | null;
  landingJsGzipKb: number;
  landingJsFiles: number;
}

const ROOT = resolve(import.meta.dirname, "..");
const WRANGLER = resolve(ROOT, "node_modules/.bin/wrangler");
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Builds the Worker as deploy would (dry run) and sums its modules, raw and gzipped. */
export function workerBundleSize(): { raw: number; gzip: number; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "megilance-bundle-"));
  const run = spawnSync(WRANGLER, ["deploy", "--dry-run", "--outdir", dir], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stderr}`);
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, file);
    if (!statSync(path).isFile() || file.endsWith(".map")) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip, dir };
}

/** Start-up CPU (ms) from `wrangler check startup`'s profile: every sample that is not idle. */
export function startupCpuMs(): number {
  const dir = mkdtempSync(join(tmpdir(), "megilance-startup-"));
  try {
    const outfile = join(dir, "startup.cpuprofile");
    const run = spawnSync(WRANGLER, ["check", "startup", "--outfile", outfile], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`wrangler check startup failed:\n${run.stderr}`);
    return profileCpuMs(JSON.parse(readFileSync(outfile, "utf8")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

export function profileCpuMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return Math.round(micros / 1000);
}

/** Every script the landing page loads (module preloads and the entry), gzipped. */
export async function landingPageJs(baseUrl: string): Promise<{ gzip: number; files: number }> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/import\(?\s*"([^"]+\.js)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(m[1]);
  let gzip = 0;
  for (const url of urls) {
    const res = await fetch(new URL(url, baseUrl));
    gzip += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return { gzip, files: urls.size };
}

export async function measureBundles(baseUrl: string): Promise<BundleFigures> {
  process.stdout.write("bundles: building the Worker as deploy would, profiling start-up… ");
  const worker = workerBundleSize();
  rmSync(worker.dir, { recursive: true, force: true });
  let startup: number | null = null;
  try {
    startup = startupCpuMs();
  } catch (error) {
    console.log(`(start-up profile failed: ${error instanceof Error ? error.message.split("\n")[0] : error})`);
  }
  const landing = await landingPageJs(baseUrl);
  console.log("done");
  return {
    workerRawKb: kb(worker.raw),
    workerGzipKb: kb(worker.gzip),
    startupCpuMs: startup,
    landingJsGzipKb: kb(landing.gzip),
    landingJsFiles: landing.files,
  };
}
