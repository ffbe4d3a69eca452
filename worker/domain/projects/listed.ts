import { sql, type SQL } from "drizzle-orm";

/** Public and not hidden by a moderator, for the `projects` table under the name `table` (an alias or a quoted name). */
const publicTerms = (table: string) => `${table}.visibility = 'public' AND ${table}.hidden_at IS NULL`;

/**
 * The one rule for which projects anyone may come across (search, recommendations): open, public, and not
 * hidden by a moderator. The text matches the partial listing indexes, so SQLite can use them.
 */
export const listedProjects = (table: string): SQL => sql.raw(`${table}.status = 'open' AND ${publicTerms(table)}`);

/** Projects that may serve as market data (price comparables) or be searched by another status: public, not hidden. */
export const publicProjects = (table: string): SQL => sql.raw(publicTerms(table));

/** The listing rule for raw SQL over `projects` under the alias `p`. */
export const LISTED_PROJECT_SQL: SQL = listedProjects("p");

/** The market-data rule for raw SQL over `projects` under the alias `p`. */
export const MARKET_DATA_PROJECT_SQL: SQL = publicProjects("p");
