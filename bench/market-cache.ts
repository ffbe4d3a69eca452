/**
 * Bench markets are built once and kept under `.cache/bench/` (gitignored), keyed by the market's scale and
 * MARKET_SEED_VERSION, so a rerun starts from a copy in seconds instead of regenerating millions of rows.
 * Migrations added since a market was built are applied to the cached file before it is copied.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { migrateDatabase } from "../db/migrate";
import type { MarketScale } from "../db/seed/market";
import { LARGE_MARKET_SCALE, MILLION_MARKET_SCALE, seedLargeMarket } from "./seed-large";

/** Raise whenever the generator (db/seed/market*.ts, the taxonomy, the bulk writer) changes what a market holds. */
export const MARKET_SEED_VERSION = 1;
export const BENCH_MARKETS = { large: LARGE_MARKET_SCALE, "1m": MILLION_MARKET_SCALE } satisfies Record<string, MarketScale>;
export type BenchMarket = keyof typeof BENCH_MARKETS;

const CACHE_DIR = resolve(import.meta.dirname, "../.cache/bench");

export function marketCacheFile(market: BenchMarket): string {
  return resolve(CACHE_DIR, `market-${market}-v${MARKET_SEED_VERSION}.db`);
}

/** The cached, pristine database file of `market`: built first when missing, brought up to the latest migrations. */
export async function cachedMarket(market: BenchMarket, say: (message: string) => void = () => {}): Promise<string> {
  const file = marketCacheFile(market);
  if (existsSync(file)) {
    await migrateDatabase(`file:${file}`);
    return file;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith(`market-${market}-`) && f.endsWith(".db")))
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
