/**
 * Fills a migrated database with a large market for benchmarks, generated in streaming rounds by the demo
 * market's generator (db/seed/market.ts). `file:` URLs are written directly through the `libsql` package
 * (db/seed/bulk-writer.ts), with indexes and search upkeep rebuilt once at the end; other URLs go through drizzle.
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema";
import { BulkWriter } from "../db/seed/bulk-writer";
import { seedMarket, type MarketScale } from "../db/seed/market";
import { loadTaxonomy } from "../db/seed/taxonomy-load";

/** BENCH_SCALE=large (the default bench): 100,000 projects and 50,000 freelancers. */
export const LARGE_MARKET_SCALE: MarketScale = { clients: 15_000, freelancers: 50_000, projects: 100_000, proposals: 300_000 };
/** BENCH_SCALE=1m: a marketplace the size of the big ones. */
export const MILLION_MARKET_SCALE: MarketScale = { clients: 150_000, freelancers: 300_000, projects: 1_000_000, proposals: 3_000_000 };

/** The tables the market generator writes, whose indexes a bulk load rebuilds at the end. */
const MARKET_TABLES = [
  schema.users,
  schema.clientProfiles,
  schema.freelancerProfiles,
  schema.freelancerSkills,
  schema.projects,
  schema.projectSkills,
  schema.proposals,
  schema.contracts,
];

export async function seedLargeMarket(
  url: string,
  options: {
    scale?: Partial<MarketScale>;
    seed?: number;
    now?: Date;
    onProgress?: (message: string) => void;
    /** Gather planner statistics at the end (file URLs only), as a live database running `PRAGMA optimize` has. */
    analyze?: boolean;
  } = {},
) {
  const client = createClient({ url });
  try {
    const db = drizzle(client, { schema });
    await loadTaxonomy(db);
    const market = {
      seed: options.seed ?? 7,
      now: options.now,
      scale: { ...LARGE_MARKET_SCALE, ...options.scale },
      onProgress: options.onProgress,
    };
    if (!url.startsWith("file:")) return await seedMarket(db, market);
    const writer = new BulkWriter(url.replace(/^file:(\/\/)?/, ""));
    writer.deferIndexes(MARKET_TABLES);
    const counts = await seedMarket(db, { ...market, writer });
    writer.finish({ analyze: options.analyze, onProgress: options.onProgress });
    return counts;
  } finally {
    client.close();
  }
}
