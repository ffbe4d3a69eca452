import { join } from "node:path";
import { migrateDatabase } from "../db/migrate";
import { seedIfEmpty } from "../db/seed/run";
import { copyCachedMarket, BENCH_MARKETS, type BenchMarket } from "./market-cache";

/**
 * The database of a bench run in `dataDir`: a copy of the cached market of `scale` (`large`, `1m`), or the demo
 * story for any other scale.
 */
export async function prepareBenchDatabase(scale: string, dataDir: string): Promise<void> {
  const file = join(dataDir, "megilance.db");
  if (scale in BENCH_MARKETS) {
    const started = Date.now();
    await copyCachedMarket(scale as BenchMarket, file, (message) => process.stdout.write(`\r[bench] ${message}`.padEnd(100)));
    console.log(`\n[bench] ${scale} market ready in ${Math.round((Date.now() - started) / 1000)} s`);
    await migrateDatabase(`file:${file}`);
  } else {
    await migrateDatabase(`file:${file}`);
    await seedIfEmpty(`file:${file}`);
  }
}
