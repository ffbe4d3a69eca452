import { sql, type SQL } from "drizzle-orm";
import type { DomainContext } from "../context";
import { LISTED_PROJECT_SQL } from "../projects/listed";

/**
 * A hire is a contract the client offered on a proposal that was not declined or withdrawn (waiting for the
 * freelancer, running or ended). For raw SQL over `contracts` under the alias `c`.
 */
export const HIRE_CONTRACT_SQL: SQL = sql.raw(`c.status IN ('offered', 'active', 'ended')`);

export interface HiringCounts {
  projectsPosted: number;
  /** Projects anyone may come across now (the listing rule: open, public, not hidden). */
  openProjects: number;
  hires: number;
  /** Whole percent of posted projects with at least one hire; null before the first project. */
  hireRate: number | null;
}

/** A client's hiring history in one statement; `clientId` may be the SQL of an id. Map its rows with toHiringCounts. */
export function hiringCountsQuery(ctx: DomainContext, clientId: string | SQL) {
  return ctx.db.all<{ posted: number; open: number; hires: number; hired: number }>(sql`
    select
      (select count(*) from projects p where p.client_id = ${clientId}) as posted,
      (select count(*) from projects p where p.client_id = ${clientId} and ${LISTED_PROJECT_SQL}) as open,
      (select count(*) from contracts c where c.client_id = ${clientId} and ${HIRE_CONTRACT_SQL}) as hires,
      (select count(distinct c.project_id) from contracts c where c.client_id = ${clientId} and ${HIRE_CONTRACT_SQL}) as hired`);
}

export function toHiringCounts(rows: Array<{ posted: number; open: number; hires: number; hired: number }>): HiringCounts {
  const row = rows[0];
  const posted = Number(row?.posted ?? 0);
  return {
    projectsPosted: posted,
    openProjects: Number(row?.open ?? 0),
    hires: Number(row?.hires ?? 0),
    hireRate: posted === 0 ? null : Math.round((Number(row?.hired ?? 0) / posted) * 100),
  };
}
