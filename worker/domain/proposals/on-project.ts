import { and, eq, type SQL } from "drizzle-orm";
import { contracts, proposals } from "../../../db/schema";
import type { DomainContext } from "../context";
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
