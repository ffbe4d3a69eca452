import { and, eq } from "drizzle-orm";
import { proposals, type ProposalStatus } from "../../../db/schema";
import type { DomainContext } from "../context";

/** The freelancer's own proposal on a project, if they sent one (a project page shows it to them). */
export async function proposalOnProject(
  ctx: DomainContext,
  freelancerId: string,
  projectId: string,
): Promise<{ id: string; status: ProposalStatus } | null> {
  const [row] = await proposalOnProjectQuery(ctx, freelancerId, projectId);
  return row ?? null;
}

/** proposalOnProject as one batchable query (its first row, if any). */
export function proposalOnProjectQuery(ctx: DomainContext, freelancerId: string, projectId: string) {
  return ctx.db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.projectId, projectId), eq(proposals.freelancerId, freelancerId)))
    .limit(1);
}
