import { z } from "zod";

/**
 * The exchange-rate feed's JSON: `{"base": "USD", "timestamp": 1764700000, "rates": {"EUR": 0.92, ...}}`.
 * `timestamp` is Unix seconds (or milliseconds, or an ISO date); rates are numbers or decimal strings.
 */
const feedSchema = z.object({
  base: z.string().regex(/^[A-Za-z]{3}$/),
  timestamp: z.union([z.number().positive(), z.string().min(1)]),
  rates: z.record(z.string(), z.union([z.number(), z.string()])),
});

export interface FeedRates {
  base: string;
  publishedAt: Date;
  rates: Record<string, number | string>;
  source: string;
}

const FEED_TIMEOUT_MS = 10_000;

function publishedAt(stamp: number | string): Date {
  const date = typeof stamp === "number" ? new Date(stamp < 1e12 ? stamp * 1000 : stamp) : new Date(stamp);
  if (Number.isNaN(date.getTime())) throw new Error("rates feed: timestamp is not a date");
  return date;
}

/** Reads the latest rates from the configured feed; throws on any HTTP, network or format problem. */
export async function fetchRatesFeed(url: string): Promise<FeedRates> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`rates feed answered ${response.status}`);
  const parsed = feedSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error("rates feed: the answer is not in the expected format");
  return {
    base: parsed.data.base.toUpperCase(),
    publishedAt: publishedAt(parsed.data.timestamp),
    rates: parsed.data.rates,
    source: `feed:${new URL(url).host}`,
  };
}
