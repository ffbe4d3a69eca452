import { and, count, desc, eq, inArray, lt, or } from "drizzle-orm";
import { contracts, projects, proposals, PROJECT_STATUSES, type ProjectStatus } from "../../../db/schema";
import type { DomainContext } from "../context";
import { clampLimit, decodeCursor, encodeCursor, keysetOf } from "../shared/cursor";
import { loadProjectViews, type ProjectView } from "./views";

export const CLIENT_PROJECTS_PAGE_MAX = 50;

/** Per project: proposals not yet looked at ("new": pending), shortlisted, all of them (withdrawn aside), and hires. */
export interface ProjectProposalCounts {
  total: number;
  new: number;
  shortlisted: number;
  hired: number;
}

export type ClientProjectItem = ProjectView & { proposalCounts: ProjectProposalCounts; activeContracts: number };

async function countsFor(ctx: DomainContext, ids: string[]) {
  if (ids.length === 0) return { proposalsOf: new Map<string, ProjectProposalCounts>(), activeOf: new Map<string, number>() };
  const [perStatus, active] = await ctx.db.batch([
    ctx.db
      .select({ projectId: proposals.projectId, status: proposals.status, n: count() })
      .from(proposals)
      .where(inArray(proposals.projectId, ids))
      .groupBy(proposals.projectId, proposals.status),
    ctx.db
      .select({ projectId: contracts.projectId, n: count() })
      .from(contracts)
      .where(and(inArray(contracts.projectId, ids), eq(contracts.status, "active")))
      .groupBy(contracts.projectId),
  ]);
  const proposalsOf = new Map<string, ProjectProposalCounts>();
  for (const row of perStatus) {
    const counts = proposalsOf.get(row.projectId) ?? { total: 0, new: 0, shortlisted: 0, hired: 0 };
    if (row.status !== "withdrawn") counts.total += row.n;
    if (row.status === "pending") counts.new += row.n;
    if (row.status === "shortlisted") counts.shortlisted += row.n;
    if (row.status === "accepted") counts.hired += row.n;
    proposalsOf.set(row.projectId, counts);
  }
  return { proposalsOf, activeOf: new Map(active.map((r) => [r.projectId, r.n])) };
}

/** A client's own projects (any visibility, or one status), newest first, with proposal counts and a total. */
export async function listClientProjects(
  ctx: DomainContext,
  clientId: string,
  input: { status?: ProjectStatus; cursor?: string; limit?: number },
): Promise<{ items: ClientProjectItem[]; nextCursor: string | null; total: number }> {
  const limit = clampLimit(input.limit, 20, CLIENT_PROJECTS_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const at = after ? new Date(after[0]) : null;
  const mine = and(eq(projects.clientId, clientId), input.status ? eq(projects.status, input.status) : undefined);
  const [rows, [{ n: total }]] = await ctx.db.batch([
    ctx.db
      .select({ id: projects.id, createdAt: projects.createdAt })
      .from(projects)
      .where(
        and(mine, at && after ? or(lt(projects.createdAt, at), and(eq(projects.createdAt, at), lt(projects.id, after[1]))) : undefined),
      )
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1),
    ctx.db.select({ n: count() }).from(projects).where(mine),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const ids = page.map((r) => r.id);
  const [views, { proposalsOf, activeOf }] = await Promise.all([loadProjectViews(ctx, ids), countsFor(ctx, ids)]);
  return {
    items: views.map((v) => ({
      ...v,
      proposalCounts: proposalsOf.get(v.id) ?? { total: 0, new: 0, shortlisted: 0, hired: 0 },
      activeContracts: activeOf.get(v.id) ?? 0,
    })),
    nextCursor: rows.length > limit ? encodeCursor({ k: [last.createdAt.getTime(), last.id] }) : null,
    total,
  };
}

/** A client's open projects as choices (id and title, newest first), one batchable query: a freelancer may be invited to one. */
export function openProjectChoicesQuery(ctx: DomainContext, clientId: string) {
  return ctx.db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.clientId, clientId), eq(projects.status, "open")))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(CLIENT_PROJECTS_PAGE_MAX);
}

/** How many of the client's projects are in each status (the tabs of the projects page). */
export async function clientProjectCounts(ctx: DomainContext, clientId: string): Promise<Record<ProjectStatus | "all", number>> {
  const rows = await ctx.db
    .select({ status: projects.status, n: count() })
    .from(projects)
    .where(eq(projects.clientId, clientId))
    .groupBy(projects.status);
  const counts = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus | "all", number>;
  counts.all = 0;
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.all += row.n;
  }
  return counts;
}
