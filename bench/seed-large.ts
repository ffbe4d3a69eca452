/**
 * Fills a migrated database with a large market for benchmarks: by default 100,000 projects, 50,000
 * freelancers and 10,000 clients (no proposals unless asked), generated and written in streaming rounds.
 * `file:` URLs write through the embedded libSQL engine, which is much faster than HTTP.
 */
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../db/schema";
import { seedMarket, type MarketScale } from "../db/seed/market";
import { loadTaxonomy } from "../db/seed/taxonomy-load";

export const LARGE_MARKET_SCALE: MarketScale = { clients: 10_000, freelancers: 50_000, projects: 100_000, proposals: 0 };

export async function seedLargeMarket(
  url: string,
  options: { scale?: Partial<MarketScale>; seed?: number; now?: Date; onProgress?: (message: string) => void } = {},
) {
  const client = createClient({ url });
  try {
    // A bulk load that is simply redone if it crashes: skip fsyncs on this connection.
    if (url.startsWith("file:")) await client.execute("PRAGMA synchronous = OFF");
    const db = drizzle(client, { schema });
    await loadTaxonomy(db);
    return await seedMarket(db, {
      seed: options.seed ?? 7,
      now: options.now,
      scale: { ...LARGE_MARKET_SCALE, ...options.scale },
      onProgress: options.onProgress,
    });
  } finally {
    client.close();
  }
}
