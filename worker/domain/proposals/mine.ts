import { and, count, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { contracts, proposals, type Proposal, type ProposalStatus, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { getClientAbouts } from "../clients/about";
import { getProject } from "../projects/projects";
import { clampLimit, decodeCursor, encodeCursor, keysetOf } from "../shared/cursor";
import { isUndecided, loadProposalWithProject } from "./access";
import { proposalHistory } from "./history";
import { PROPOSAL_PAGE_MAX } from "./list";
import { ownProposalFrom, ownProposalQueries } from "./on-project";
import { stageOf, type MyProposalItem, type MyProposalStage } from "./stage";
import { loadProposalViews } from "./views";

export { MY_PROPOSAL_STAGES, stageOf, type MyProposalItem, type MyProposalStage } from "./stage";
/** The filter also takes the stored name "accepted", as the older `/freelancers/me/proposals` did. */
export type MyProposalFilter = MyProposalStage | "accepted";

const storedStatus = (filter: MyProposalFilter): ProposalStatus => (filter === "hired" ? "accepted" : filter);

async function withContracts(ctx: DomainContext, rows: Proposal[]): Promise<MyProposalItem[]> {
  const hired = rows.filter((r) => r.status === "accepted").map((r) => r.id);
  const [views, deals] = await Promise.all([
    loadProposalViews(ctx, rows),
    hired.length
      ? ctx.db
          .select({ id: contracts.id, status: contracts.status, proposalId: contracts.proposalId })
          .from(contracts)
          .where(inArray(contracts.proposalId, hired))
      : Promise.resolve([]),
  ]);
  const contractOf = new Map(deals.map((d) => [d.proposalId, { id: d.id, status: d.status }]));
  return views.map((v) => ({ ...v, stage: stageOf(v.status), contract: contractOf.get(v.id) ?? null }));
}

/** A freelancer's own proposals, newest first, optionally in one stage, with a total and each one's contract. */
export async function listMyProposals(
  ctx: DomainContext,
  actor: User,
  input: { status?: MyProposalFilter; cursor?: string; limit?: number },
): Promise<{ items: MyProposalItem[]; nextCursor: string | null; total: number }> {
  const limit = clampLimit(input.limit, 20, PROPOSAL_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const at = after ? new Date(after[0]) : null;
  const mine: SQL | undefined = and(
    eq(proposals.freelancerId, actor.id),
    input.status ? eq(proposals.status, storedStatus(input.status)) : undefined,
  );
  const [rows, [{ n: total }]] = await ctx.db.batch([
    ctx.db
      .select()
      .from(proposals)
      .where(
        and(mine, at && after ? or(lt(proposals.createdAt, at), and(eq(proposals.createdAt, at), lt(proposals.id, after[1]))) : undefined),
      )
      .orderBy(desc(proposals.createdAt), desc(proposals.id))
      .limit(limit + 1),
    ctx.db.select({ n: count() }).from(proposals).where(mine),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await withContracts(ctx, page),
    nextCursor: rows.length > limit ? encodeCursor({ k: [last.createdAt.getTime(), last.id] }) : null,
    total,
  };
}

/** How many of the freelancer's proposals are in each stage (the tabs of "My proposals"). */
export async function myProposalCounts(ctx: DomainContext, actor: User): Promise<Record<MyProposalStage | "all", number>> {
  const rows = await ctx.db
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .where(eq(proposals.freelancerId, actor.id))
    .groupBy(proposals.status);
  const counts = { all: 0, pending: 0, shortlisted: 0, declined: 0, withdrawn: 0, hired: 0 };
  for (const row of rows) {
    counts[stageOf(row.status)] += row.n;
    counts.all += row.n;
  }
  return counts;
}

/**
 * One of the freelancer's proposals for its page: the proposal, its project, its history, whether it can still be
 * edited or withdrawn, its contract once hired, and about its client. Anyone but its freelancer is told it does not exist.
 */
export async function getMyProposal(ctx: DomainContext, actor: User, proposalId: string) {
  const row = await loadProposalWithProject(ctx, proposalId).catch(() => null);
  if (!row || row.proposal.freelancerId !== actor.id) throw new AppError(404, "not_found", "No such proposal.");
  const [item] = await withContracts(ctx, [row.proposal]);
  const [project, history, client] = await Promise.all([
    getProject(ctx, row.project.id, actor).catch(() => null),
    proposalHistory(ctx, row.proposal, item.contract?.id ?? null),
    getClientAbouts(ctx, [row.project.clientId]),
  ]);
  return { proposal: item, project, history, client: client.get(row.project.clientId) ?? null, canChange: isUndecided(row.proposal) };
}

/** The viewer's own proposal on a project, if they sent one (the project page reads it in its own batch: getProjectPage). */
export async function myProposalOn(ctx: DomainContext, actor: User, projectId: string): Promise<MyProposalItem | null> {
  return ownProposalFrom(ctx, await ctx.db.batch(ownProposalQueries(ctx, actor.id, projectId)));
}
