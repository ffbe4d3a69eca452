/**
 * Pure statistics of an estimate: percentiles of comparable prices and a confidence from how many there are and
 * how much they agree. See docs/decisions/019-matching-and-estimates.md.
 */

/** Fewer comparables than this and we say "not enough data" instead of guessing. */
export const MIN_COMPARABLES = 5;
/** At this many comparables the count no longer limits confidence. */
export const FULL_CONFIDENCE_COUNT = 20;
/** Percentiles reported as low, median and high: the middle half of comparable prices. */
export const LOW_PERCENTILE = 25;
export const HIGH_PERCENTILE = 75;

/** The p-th percentile (0-100) of sorted values, interpolating linearly between ranks (R/NumPy's default). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of nothing");
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

/**
 * count / FULL_CONFIDENCE_COUNT (at most 1), times 1 / (1 + (high - low) / median): many comparables that agree
 * give close to 1, a handful spread widely close to 0. Two decimals.
 */
export function confidenceOf(count: number, low: number, median: number, high: number): number {
  const countFactor = Math.min(1, count / FULL_CONFIDENCE_COUNT);
  const spread = median > 0 ? (high - low) / median : 1;
  return Math.round(100 * (countFactor / (1 + spread))) / 100;
}

export interface PriceSummary {
  low: number;
  median: number;
  high: number;
  confidence: number;
}

/** low/median/high (integer minor units) and confidence of comparable amounts; null below MIN_COMPARABLES. */
export function summarizeAmounts(amounts: number[]): PriceSummary | null {
  if (amounts.length < MIN_COMPARABLES) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  const low = Math.round(percentile(sorted, LOW_PERCENTILE));
  const median = Math.round(percentile(sorted, 50));
  const high = Math.round(percentile(sorted, HIGH_PERCENTILE));
  return { low, median, high, confidence: confidenceOf(sorted.length, low, median, high) };
}

/** Lowercase word set of a text, without very short words, for a cheap overlap similarity. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}#+.]{3,}/gu) ?? []);
}

/** |A ∩ B| / |A ∪ B|, 0 when both are empty. */
export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
