import { sql } from "drizzle-orm";
import { exchangeRates } from "../../db/schema";
import { fetchRatesFeed, type FeedRates } from "../platform/rates/feed";
import type { DomainContext } from "../domain/context";
import { findCurrency } from "../domain/currency/currencies";
import { decimalFromNumber, divide, parseDecimal, toDecimalString, type Fraction } from "../domain/currency/decimal";
import { forgetCachedRates, RATES_BASE } from "../domain/currency/rates";

export type RefreshOutcome =
  | { status: "refreshed"; count: number; fetchedAt: Date; source: string }
  | { status: "failed"; error: string }
  | { status: "not_configured" };

/** The feed's rates re-expressed against our base, keeping only ISO 4217 currencies with a usable rate. */
export function normalizeFeed(feed: FeedRates): Map<string, Fraction> {
  const raw = new Map<string, Fraction>();
  for (const [code, value] of Object.entries(feed.rates)) {
    const currency = findCurrency(code);
    const text = typeof value === "number" ? decimalFromNumber(value) : value;
    const rate = text ? parseDecimal(text) : null;
    if (currency && rate) raw.set(currency.code, rate);
  }
  raw.set(feed.base, { num: 1n, den: 1n });
  const baseInFeed = raw.get(RATES_BASE);
  if (!baseInFeed) throw new Error(`rates feed has no ${RATES_BASE} rate to rebase on`);
  const rebased = new Map<string, Fraction>();
  for (const [code, rate] of raw) rebased.set(code, divide(rate, baseInFeed));
  return rebased;
}

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
  const now = ctx.clock.now();
  const statements = [...rates].map(([quote, rate]) =>
    ctx.db
      .insert(exchangeRates)
      .values({
        base: RATES_BASE,
        quote,
        rate: toDecimalString(rate, 15),
        fetchedAt: feed.publishedAt,
        source: feed.source,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [exchangeRates.base, exchangeRates.quote],
        set: { rate: sql`excluded.rate`, fetchedAt: sql`excluded.fetched_at`, source: sql`excluded.source`, updatedAt: now },
        // A feed that answers with older rates than we hold never moves them backwards.
        setWhere: sql`excluded.fetched_at >= ${exchangeRates.fetchedAt}`,
      }),
  );
  const [first, ...rest] = statements;
  if (first) await ctx.db.batch([first, ...rest]);
  forgetCachedRates();
  return { status: "refreshed", count: statements.length, fetchedAt: feed.publishedAt, source: feed.source };
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
