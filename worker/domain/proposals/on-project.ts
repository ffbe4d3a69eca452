import { and, eq, type SQL } from "drizzle-orm";
import { contracts, proposals, type User } from "../../../db/schema";
import { clientAboutFrom, clientAboutQueries, projectClientSql, type ClientAbout, type ClientAboutRows } from "../clients/about";
import type { DomainContext } from "../context";
import { projectPageFrom, projectPageQueries, type ProjectModerationNotice } from "../projects/projects";
import type { ProjectView } from "../projects/views";
import { stageOf, type MyProposalItem } from "./stage";
import { proposalViewsQuery, toProposalView } from "./views";

/**
 * The freelancer's own proposal on a project (one per freelancer and project) and its contract once hired, as
 * two batchable queries, so a project page reads them in its own round trip; read the rows with ownProposalFrom.
 */
export function ownProposalQueries(ctx: DomainContext, freelancerId: string, projectId: string) {
  const own = and(eq(proposals.projectId, projectId), eq(proposals.freelancerId, freelancerId)) as SQL;
  return [
    proposalViewsQuery(ctx, own).limit(1),
    ctx.db
      .select({ id: contracts.id, status: contracts.status })
      .from(contracts)
      .innerJoin(proposals, eq(proposals.id, contracts.proposalId))
      .where(and(own, eq(proposals.status, "accepted")))
      .limit(1),
  ] as const;
}

type OwnProposalQueries = ReturnType<typeof ownProposalQueries>;
type OwnProposalRows = readonly [Awaited<OwnProposalQueries[0]>, Awaited<OwnProposalQueries[1]>];

export function ownProposalFrom(ctx: DomainContext, [views, deals]: OwnProposalRows): MyProposalItem | null {
  if (!views[0]) return null;
  const view = toProposalView(ctx, views[0]);
  return { ...view, stage: stageOf(view.status), contract: view.status === "accepted" ? (deals[0] ?? null) : null };
}

/**
 * The project page's reads in one round trip: the view, its moderation state, whether the viewer was invited, the
 * viewer's own proposal on it with its contract once hired (a freelancer sees theirs; null for its client and for
 * visitors), and "About the client" (its client found by the project id inside the same statements).
 */
export async function getProjectPage(
  ctx: DomainContext,
  projectId: string,
  viewer: User | null,
): Promise<{
  project: ProjectView & { moderation: ProjectModerationNotice | null };
  ownProposal: MyProposalItem | null;
  client: ClientAbout | null;
}> {
  const [rows, invites, ownViews, ownContract, ...about] = await ctx.db.batch([
    ...projectPageQueries(ctx, projectId, viewer),
    ...ownProposalQueries(ctx, viewer?.id ?? "", projectId),
    ...clientAboutQueries(ctx, projectClientSql(projectId)),
  ]);
  const project = projectPageFrom(ctx, viewer, [rows, invites]);
  const ownProposal = viewer && project.clientId !== viewer.id ? ownProposalFrom(ctx, [ownViews, ownContract]) : null;
  return { project, ownProposal, client: clientAboutFrom(ctx, about as unknown as ClientAboutRows) };
}
