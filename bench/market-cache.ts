/**
 * Bench markets are built once and kept under `.cache/bench/` (gitignored), keyed by the scale, the generator's
 * sources and the migrations, so a rerun starts from a copy in seconds instead of regenerating millions of rows.
 * Any change to the generator or the schema makes a new key, and so a fresh build.
 */
import { createHash } from "node:crypto";
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrateDatabase } from "../db/migrate";
import type { MarketScale } from "../db/seed/market";
import { LARGE_MARKET_SCALE, MILLION_MARKET_SCALE, seedLargeMarket } from "./seed-large";

/** Raise to force a rebuild when something outside the hashed files changes what a market holds. */
export const MARKET_SEED_VERSION = 1;
export const BENCH_MARKETS = { large: LARGE_MARKET_SCALE, "1m": MILLION_MARKET_SCALE } satisfies Record<string, MarketScale>;
export type BenchMarket = keyof typeof BENCH_MARKETS;

const ROOT = resolve(import.meta.dirname, "..");
const CACHE_DIR = resolve(ROOT, ".cache/bench");
/** What the market's rows depend on: the generator, the taxonomy and the schema. */
const KEY_SOURCES = ["db/seed", "migrations", "bench/seed-large.ts"];

function filesUnder(path: string): string[] {
  const full = resolve(ROOT, path);
  if (!existsSync(full)) return [];
  if (!full.endsWith(".ts") && !full.endsWith(".json") && !full.endsWith(".sql")) {
    return readdirSync(full, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|json|sql)$/.test(f) && !f.endsWith(".test.ts"))
      .sort()
      .map((f) => join(path, f));
  }
  return [path];
}

export function marketCacheKey(market: BenchMarket): string {
  const hash = createHash("sha256").update(JSON.stringify({ version: MARKET_SEED_VERSION, scale: BENCH_MARKETS[market] }));
  for (const file of KEY_SOURCES.flatMap(filesUnder)) hash.update(file).update(readFileSync(resolve(ROOT, file)));
  return hash.digest("hex").slice(0, 16);
}

/** The cached, pristine database file of `market`, built first when missing. */
export async function cachedMarket(market: BenchMarket, say: (message: string) => void = () => {}): Promise<string> {
  const file = resolve(CACHE_DIR, `market-${market}-${marketCacheKey(market)}.db`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith(`market-${market}-`)))
    rmSync(resolve(CACHE_DIR, old), { force: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const started = Date.now();
  await migrateDatabase(`file:${building}`);
  const counts = await seedLargeMarket(`file:${building}`, {
    scale: BENCH_MARKETS[market],
    analyze: true,
    onProgress: (message) => say(`${message} (${Math.round((Date.now() - started) / 1000)} s)`),
  });
  renameSync(building, file);
  say(`${market} market built in ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(counts)}`);
  return file;
}

/** A private copy of the cached market at `target` (the bench writes sessions and activity into it). */
export async function copyCachedMarket(market: BenchMarket, target: string, say?: (message: string) => void): Promise<void> {
  const source = await cachedMarket(market, say);
  copyFileSync(source, target, constants.COPYFILE_FICLONE);
}
