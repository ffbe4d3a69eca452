import { sql, type SQL } from "drizzle-orm";

/**
 * The one rule for which projects anyone may come across (search, recommendations): open, public, and not
 * hidden by a moderator. For raw SQL over `projects` under the alias `p`.
 */
export const LISTED_PROJECT_SQL: SQL = sql.raw(`p.status = 'open' AND p.visibility = 'public' AND p.hidden_at IS NULL`);

/** Projects that may serve as market data (price comparables): public and not hidden, open or not. Alias `p`. */
export const MARKET_DATA_PROJECT_SQL: SQL = sql.raw(`p.visibility = 'public' AND p.hidden_at IS NULL`);
