import { sql } from "drizzle-orm";
import type { User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { DASHBOARD_COUNT_CAP, cappedCounts, proposalCountsByStatus, type CappedCounts, type ProposalCounts } from "./dashboard-counts";
import { requireActorRole } from "./access";
import { projectViewsSql, toProjectView, type ProjectView, type ProjectViewRow } from "./views";

const RECENT = 10;

type ClientStats = { openProjects: number; closedProjects: number; proposalsReceived: number; awaitingDecision: number; hires: number };

export interface ClientDashboard {
  /** Each counted up to DASHBOARD_COUNT_CAP; `cappedStats` names those with more (shown as "1,000+"). */
  stats: ClientStats;
  cappedStats: Array<keyof ClientStats>;
  projects: Array<ProjectView & { proposalCounts: ProposalCounts }>;
  recentActivity: Array<{
    type: "proposal_received";
    at: string;
    proposalId: string;
    status: string;
    project: { id: string; title: string };
    freelancer: { id: string; name: string };
  }>;
}

/**
 * The client's overview in one database round trip: counts (capped), the latest projects with proposal counts per
 * status, and the latest proposals received.
 */
export async function clientDashboard(ctx: DomainContext, actor: User): Promise<ClientDashboard> {
  requireActorRole(actor, "client");
  const me = actor.id;
  const latest = sql`SELECT id, created_at FROM projects WHERE client_id = ${me} ORDER BY created_at DESC, id DESC LIMIT ${RECENT}`;
  const [counts, views, perStatus, received] = await ctx.db.batch([
    ctx.db.all<CappedCounts<keyof ClientStats>>(
      cappedCounts({
        openProjects: sql`SELECT 1 FROM projects WHERE client_id = ${me} AND status = 'open'`,
        closedProjects: sql`SELECT 1 FROM projects WHERE client_id = ${me} AND status = 'closed'`,
        proposalsReceived: sql`SELECT 1 FROM projects p JOIN proposals pr ON pr.project_id = p.id
          WHERE p.client_id = ${me} AND pr.status != 'withdrawn'`,
        awaitingDecision: sql`SELECT 1 FROM projects p JOIN proposals pr ON pr.project_id = p.id
          WHERE p.client_id = ${me} AND pr.status IN ('pending', 'shortlisted')`,
        hires: sql`SELECT 1 FROM contracts WHERE client_id = ${me}`,
      }),
    ),
    ctx.db.all<ProjectViewRow>(projectViewsSql(latest, sql`page.created_at DESC, page.id DESC`)),
    ctx.db.all<{ id: string; counts: string }>(proposalCountsByStatus(latest)),
    ctx.db.all<{
      id: string;
      project_id: string;
      status: string;
      created_at: number;
      title: string;
      freelancer_id: string;
      name: string;
    }>(sql`
      SELECT pr.id, pr.project_id, pr.status, pr.created_at, p.title, pr.freelancer_id, u.name
      FROM projects p JOIN proposals pr ON pr.project_id = p.id JOIN users u ON u.id = pr.freelancer_id
      WHERE p.client_id = ${me}
      ORDER BY pr.created_at DESC, pr.id DESC LIMIT ${RECENT}`),
  ]);
  const countsOf = new Map(perStatus.map((row) => [row.id, JSON.parse(row.counts) as ProposalCounts]));
  const raw = counts[0];
  const stats = {} as ClientStats;
  const cappedStats: Array<keyof ClientStats> = [];
  for (const key of ["openProjects", "closedProjects", "proposalsReceived", "awaitingDecision", "hires"] as const) {
    const n = Number(raw[key]);
    stats[key] = Math.min(n, DASHBOARD_COUNT_CAP);
    if (n > DASHBOARD_COUNT_CAP) cappedStats.push(key);
  }
  return {
    stats,
    cappedStats,
    projects: views.map((row) => {
      const view = toProjectView(ctx, row);
      return { ...view, proposalCounts: countsOf.get(view.id) ?? proposalCountsOf({}) };
    }),
    recentActivity: received.map((r) => ({
      type: "proposal_received" as const,
      at: new Date(Number(r.created_at)).toISOString(),
      proposalId: r.id,
      status: r.status,
      project: { id: r.project_id, title: r.title },
      freelancer: { id: r.freelancer_id, name: r.name },
    })),
  };
}

function proposalCountsOf(byStatus: Record<string, number>): ProposalCounts {
  return { total: 0, pending: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0, capped: false, ...byStatus };
}
