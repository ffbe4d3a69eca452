/** `npx tsx bench/build-market.ts [large|1m]`: builds (or finds) the cached bench market and prints its file. */
import { BENCH_MARKETS, cachedMarket, type BenchMarket } from "./market-cache";

const market = (process.argv[2] ?? "1m") as BenchMarket;
if (!(market in BENCH_MARKETS)) {
  console.error(`Unknown market ${JSON.stringify(market)}; one of ${Object.keys(BENCH_MARKETS).join(", ")}`);
  process.exit(1);
}
console.log(await cachedMarket(market, (message) => console.log(`[market] ${message}`)));
