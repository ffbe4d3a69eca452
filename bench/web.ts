/**
 * `npm run bench:web`: Lighthouse (mobile, simulated throttling, performance only) on the pages a visitor sees first,
 * with the app as `npm run bench` starts it. Each page is measured BENCH_WEB_RUNS times (default 3); the medians
 * of Total Blocking Time, Largest Contentful Paint and First Contentful Paint are printed beside the targets, and
 * written to bench/results.
 *
 *   BENCH_SCALE=demo (default: the demo story) | large | 1m   BENCH_WEB_RUNS (default 3)   BENCH_SKIP_BUILD=1
 *   BENCH_ONLY=<regex over page names>   BENCH_WEB_KEEP=<folder> (keeps each Lighthouse report there)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM_PATH, ensureChromium } from "../scripts/ensure-chromium";
import { freePort } from "../scripts/free-port";
import { startStack } from "../scripts/stack";
import { prepareBenchDatabase } from "./database";
import { preparePersonas, type Personas } from "./personas";

const SCALE = process.env.BENCH_SCALE ?? "demo";
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const SECRET = `bench-secret-${crypto.randomUUID()}`;

interface WebPage {
  name: string;
  path: (personas: Personas) => string;
  /** Signed in as this persona (its session cookie). */
  as?: "client" | "freelancer";
  /** The targets, in milliseconds. */
  target?: { tbt?: number; lcp?: number };
}

const PAGES: WebPage[] = [
  { name: "landing", path: () => "/", target: { lcp: 1_500 } },
  { name: "/projects", path: () => "/projects", target: { tbt: 200, lcp: 1_500 } },
  { name: "project page", path: (p) => `/projects/${p.projectId}` },
  { name: "client dashboard", path: () => "/client", as: "client" },
  { name: "freelancer dashboard", path: () => "/freelancer", as: "freelancer" },
];

interface Sample {
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function audit(url: string, browser: Browser, cookie: string | undefined): Promise<Sample> {
  const page = await browser.newPage();
  try {
    // Lighthouse clears the origin's storage, cookies included, unless told not to: a signed-in page keeps its cookie.
    if (cookie) {
      const at = cookie.indexOf("=");
      await browser.setCookie({ name: cookie.slice(0, at), value: cookie.slice(at + 1), domain: new URL(url).hostname, path: "/" });
    }
    return await lighthouseOf(url, page, cookie !== undefined);
  } finally {
    await page.close();
  }
}

async function lighthouseOf(url: string, page: Page, signedIn: boolean): Promise<Sample> {
  const result = await lighthouse(
    url,
    { output: "json", logLevel: "error", onlyCategories: ["performance"], disableStorageReset: signedIn },
    undefined,
    page,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  // A signed-in page that sent the visitor to the sign-in form would be measuring the wrong page.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}, not at the page asked for`);
  if (process.env.BENCH_WEB_KEEP)
    writeFileSync(resolve(process.env.BENCH_WEB_KEEP, `${new URL(url).pathname.replace(/\W+/g, "_")}.json`), JSON.stringify(lhr));
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== "number") throw new Error(`Lighthouse measured no ${id} on ${url}`);
    return value;
  };
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: metric("total-blocking-time"),
    lcpMs: metric("largest-contentful-paint"),
    fcpMs: metric("first-contentful-paint"),
  };
}

async function main() {
  ensureChromium();
  const dataDir = mkdtempSync(join(tmpdir(), "megilance-bench-web-"));
  await prepareBenchDatabase(SCALE, dataDir);
  const stack = await startStack({
    dataDir,
    port: await freePort(),
    dbPort: await freePort(),
    seed: true,
    build: process.env.BENCH_SKIP_BUILD !== "1",
    cron: false,
    quiet: true,
    dbLatencyMs: 0,
    dbInChildProcess: true,
    vars: { SESSION_SECRET: SECRET },
  });
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const personas = await preparePersonas({ databaseUrl: stack.databaseUrl, appOrigin: stack.url, secret: SECRET });
    const rows: Array<{ page: string; path: string; runs: Sample[]; median: Sample; meets: boolean | null }> = [];
    for (const page of PAGES.filter((p) => !ONLY || ONLY.test(p.name))) {
      const path = page.path(personas);
      const cookie = page.as ? personas[page.as].cookie : undefined;
      // One unmeasured load first, so that the Worker's start-up and cold caches are not part of the first run.
      await fetch(`${stack.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
      const runs: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        process.stdout.write(`\r[bench:web] ${page.name}: run ${i + 1} of ${RUNS}`.padEnd(60));
        runs.push(await audit(`${stack.url}${path}`, browser, cookie));
      }
      const mid: Sample = {
        score: median(runs.map((r) => r.score)),
        tbtMs: Math.round(median(runs.map((r) => r.tbtMs))),
        lcpMs: Math.round(median(runs.map((r) => r.lcpMs))),
        fcpMs: Math.round(median(runs.map((r) => r.fcpMs))),
      };
      const target = page.target;
      const meets = target
        ? (target.tbt === undefined || mid.tbtMs <= target.tbt) && (target.lcp === undefined || mid.lcpMs <= target.lcp)
        : null;
      rows.push({ page: page.name, path, runs, median: mid, meets });
    }
    process.stdout.write("\n");
    console.log(`\nLighthouse ${RUNS}× per page (mobile, simulated throttling), medians — scale ${SCALE}\n`);
    console.log("| page | score | TBT | LCP | FCP | target | met |");
    console.log("|---|---|---|---|---|---|---|");
    for (const row of rows) {
      const page = PAGES.find((p) => p.name === row.page)!;
      const target = page.target
        ? [
            page.target.tbt !== undefined ? `TBT ≤ ${page.target.tbt} ms` : "",
            page.target.lcp !== undefined ? `LCP ≤ ${page.target.lcp} ms` : "",
          ]
            .filter(Boolean)
            .join(", ")
        : "—";
      const met = row.meets === null ? "—" : row.meets ? "yes" : "no";
      console.log(
        `| ${row.page} | ${row.median.score} | ${row.median.tbtMs} ms | ${row.median.lcpMs} ms | ${row.median.fcpMs} ms | ${target} | ${met} |`,
      );
    }
    const outDir = resolve(import.meta.dirname, "results");
    mkdirSync(outDir, { recursive: true });
    const file = resolve(outDir, `web-${SCALE}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), scale: SCALE, runsPerPage: RUNS, pages: rows }, null, 2));
    console.log(`\nwritten to ${file}`);
  } finally {
    await browser.disconnect();
    chrome.kill();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
