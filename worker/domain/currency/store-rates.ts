import { sql } from "drizzle-orm";
import { exchangeRates } from "../../../db/schema";
import type { FeedRates } from "../../platform/rates/feed";
import type { DomainContext } from "../context";
import { findCurrency } from "./currencies";
import { decimalFromNumber, divide, parseDecimal, toDecimalString, type Fraction } from "./decimal";
import { forgetCachedRates, RATES_BASE } from "./rates";

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

/** Stores a feed's normalized rates in one batch and drops the cached ones; returns how many were written. */
export async function storeRates(ctx: DomainContext, feed: FeedRates, rates: Map<string, Fraction>): Promise<number> {
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
  return statements.length;
}
