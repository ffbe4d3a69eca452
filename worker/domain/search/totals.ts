/**
 * Totals that stay cheap at any size: a search counts its matches only up to SEARCH_TOTAL_CAP (and says when
 * there are more, which the UI shows as "1,000+"), so a request never counts an unbounded set.
 */
import { sql, type SQL } from "drizzle-orm";

export const SEARCH_TOTAL_CAP = 1000;
/**
 * Text search ranks at most this many matches: the newest ones. A word that most projects use (say "web") would
 * otherwise rank every one of them on every request; any rarer word has all its matches ranked.
 */
export const RELEVANCE_WINDOW = 5000;

export interface SearchTotal {
  /** Matches, counted up to SEARCH_TOTAL_CAP. */
  total: number;
  /** True when more than SEARCH_TOTAL_CAP match: `total` is then a lower bound. */
  totalCapped: boolean;
}

/** `SELECT count(*) AS n` over the rows `rows` selects, stopping one past the cap. */
export function cappedCountSql(rows: SQL): SQL {
  return sql`SELECT count(*) AS n FROM (${rows} LIMIT ${SEARCH_TOTAL_CAP + 1})`;
}

export function toSearchTotal(counted: number | undefined): SearchTotal {
  const n = Number(counted ?? 0);
  return { total: Math.min(n, SEARCH_TOTAL_CAP), totalCapped: n > SEARCH_TOTAL_CAP };
}
