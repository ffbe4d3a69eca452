import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { contracts, projects, proposals, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { requireActorRole } from "./access";
import { loadProjectViews, type ProjectView } from "./views";

const RECENT = 10;

export interface ClientDashboard {
  stats: { openProjects: number; closedProjects: number; proposalsReceived: number; awaitingDecision: number; hires: number };
  projects: Array<ProjectView & { proposalCounts: Record<string, number> }>;
  recentActivity: Array<{
    type: "proposal_received";
    at: string;
    proposalId: string;
    status: string;
    project: { id: string; title: string };
    freelancer: { id: string; name: string };
  }>;
}

/** The client's overview: latest projects with proposal counts per status, and the latest proposals received. */
export async function clientDashboard(ctx: DomainContext, actor: User): Promise<ClientDashboard> {
  requireActorRole(actor, "client");
  const mine = eq(projects.clientId, actor.id);
  const [statusCounts, latest, received, hires] = await ctx.db.batch([
    ctx.db.select({ status: projects.status, n: count() }).from(projects).where(mine).groupBy(projects.status),
    ctx.db.select({ id: projects.id }).from(projects).where(mine).orderBy(desc(projects.createdAt), desc(projects.id)).limit(RECENT),
    ctx.db
      .select({ proposal: proposals, projectTitle: projects.title, freelancerName: users.name })
      .from(proposals)
      .innerJoin(projects, eq(projects.id, proposals.projectId))
      .innerJoin(users, eq(users.id, proposals.freelancerId))
      .where(mine)
      .orderBy(desc(proposals.createdAt))
      .limit(RECENT),
    ctx.db.select({ n: count() }).from(contracts).where(eq(contracts.clientId, actor.id)),
  ]);
  const ids = latest.map((p) => p.id);
  const [views, perStatus, totals] = await Promise.all([
    loadProjectViews(ctx, ids),
    ids.length
      ? ctx.db
          .select({ projectId: proposals.projectId, status: proposals.status, n: count() })
          .from(proposals)
          .where(inArray(proposals.projectId, ids))
          .groupBy(proposals.projectId, proposals.status)
      : Promise.resolve([]),
    ctx.db
      .select({
        all: count(),
        open: sql<number>`coalesce(sum(${proposals.status} in ('pending', 'shortlisted')), 0)`,
      })
      .from(proposals)
      .innerJoin(projects, and(eq(projects.id, proposals.projectId), mine))
      .where(sql`${proposals.status} != 'withdrawn'`),
  ]);
  const countsOf = new Map<string, Record<string, number>>();
  for (const row of perStatus) {
    const counts = countsOf.get(row.projectId) ?? { total: 0, pending: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0 };
    counts[row.status] = row.n;
    if (row.status !== "withdrawn") counts.total += row.n;
    countsOf.set(row.projectId, counts);
  }
  const byStatus = Object.fromEntries(statusCounts.map((s) => [s.status, s.n]));
  return {
    stats: {
      openProjects: byStatus.open ?? 0,
      closedProjects: byStatus.closed ?? 0,
      proposalsReceived: totals[0].all,
      awaitingDecision: Number(totals[0].open),
      hires: hires[0].n,
    },
    projects: views.map((v) => ({
      ...v,
      proposalCounts: countsOf.get(v.id) ?? { total: 0, pending: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0 },
    })),
    recentActivity: received.map((r) => ({
      type: "proposal_received" as const,
      at: r.proposal.createdAt.toISOString(),
      proposalId: r.proposal.id,
      status: r.proposal.status,
      project: { id: r.proposal.projectId, title: r.projectTitle },
      freelancer: { id: r.proposal.freelancerId, name: r.freelancerName },
    })),
  };
}
