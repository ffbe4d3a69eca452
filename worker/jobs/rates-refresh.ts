import { fetchRatesFeed, type FeedRates } from "../platform/rates/feed";
import type { DomainContext } from "../domain/context";
import type { Fraction } from "../domain/currency/decimal";
import { normalizeFeed, storeRates } from "../domain/currency/store-rates";

export type RefreshOutcome =
  | { status: "refreshed"; count: number; fetchedAt: Date; source: string }
  | { status: "failed"; error: string }
  | { status: "not_configured" };

/**
 * Fetches the latest rates and stores them. When the feed fails, nothing changes: readers keep the last
 * known rates (and the shipped defaults for anything never fetched), each still stamped with its own time.
 */
export async function refreshRates(ctx: DomainContext, feedUrl = ctx.config.ratesFeedUrl): Promise<RefreshOutcome> {
  if (!feedUrl) return { status: "not_configured" };
  let feed: FeedRates;
  let rates: Map<string, Fraction>;
  try {
    feed = await fetchRatesFeed(feedUrl);
    rates = normalizeFeed(feed);
  } catch (error) {
    ctx.log("exchange-rate refresh failed; keeping the last known rates", { error: String(error) });
    return { status: "failed", error: String(error instanceof Error ? error.message : error) };
  }
  const count = await storeRates(ctx, feed, rates);
  return { status: "refreshed", count, fetchedAt: feed.publishedAt, source: feed.source };
}

export function describeRefresh(outcome: RefreshOutcome): string {
  switch (outcome.status) {
    case "refreshed":
      return `refreshed ${outcome.count} exchange rates from ${outcome.source} (published ${outcome.fetchedAt.toISOString()})`;
    case "failed":
      return `rates feed failed (${outcome.error}); kept the last known rates`;
    case "not_configured":
      return "no rates feed configured; using the shipped default rates";
    default:
      return outcome satisfies never;
  }
}
