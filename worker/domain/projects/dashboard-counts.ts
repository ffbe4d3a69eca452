/**
 * Dashboard figures count a person's own rows, which grow without bound for a busy account: each is counted up to
 * DASHBOARD_COUNT_CAP (one past it tells "more"), so a dashboard never reads more than a few thousand rows.
 */
import { sql, type SQL } from "drizzle-orm";

export const DASHBOARD_COUNT_CAP = 1000;

export type CappedCounts<K extends string> = Record<K, number>;

/** One row with a column per key: how many rows each source selects, counted up to DASHBOARD_COUNT_CAP + 1. */
export function cappedCounts(sources: Record<string, SQL>): SQL {
  const columns = Object.entries(sources).map(
    ([key, rows]) => sql`(SELECT count(*) FROM (${rows} LIMIT ${DASHBOARD_COUNT_CAP + 1})) AS ${sql.identifier(key)}`,
  );
  return sql`SELECT ${sql.join(columns, sql`, `)}`;
}

export interface ProposalCounts {
  /** Proposals that were not withdrawn. */
  total: number;
  pending: number;
  shortlisted: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  /** More than DASHBOARD_COUNT_CAP proposals: the counts cover the first ones only. */
  capped: boolean;
}

/** For each project id `page` selects (a column `id`): its proposal counts by status as a JSON ProposalCounts. */
export function proposalCountsByStatus(page: SQL): SQL {
  const of = (status: string) => sql`coalesce(sum(status = ${status}), 0)`;
  return sql`WITH page AS (${page})
    SELECT page.id, (
      SELECT json_object(
        'total', coalesce(sum(status != 'withdrawn'), 0),
        'pending', ${of("pending")}, 'shortlisted', ${of("shortlisted")}, 'accepted', ${of("accepted")},
        'declined', ${of("declined")}, 'withdrawn', ${of("withdrawn")},
        'capped', json(CASE WHEN count(*) > ${DASHBOARD_COUNT_CAP} THEN 'true' ELSE 'false' END))
      FROM (SELECT status FROM proposals WHERE project_id = page.id LIMIT ${DASHBOARD_COUNT_CAP + 1})
    ) AS counts
    FROM page`;
}
