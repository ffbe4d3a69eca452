import { eq } from "drizzle-orm";
import { projects, proposals, OPEN_PROPOSAL_STATUSES, type Project, type Proposal, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export async function loadProposalWithProject(ctx: DomainContext, id: string): Promise<{ proposal: Proposal; project: Project }> {
  const [row] = await ctx.db
    .select({ proposal: proposals, project: projects })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.id, id))
    .limit(1);
  if (!row) throw new AppError(404, "not_found", "No such proposal.");
  return row;
}

export function isUndecided(proposal: Proposal): boolean {
  return (OPEN_PROPOSAL_STATUSES as readonly string[]).includes(proposal.status);
}

export function requireUndecided(proposal: Proposal, action: string): void {
  if (!isUndecided(proposal)) {
    throw new AppError(409, "proposal_decided", `This proposal is already ${proposal.status}, so you cannot ${action} it.`);
  }
}

/** The project's client acts on proposals: anyone else gets 403. */
export async function requireProposalForClient(ctx: DomainContext, actor: User, id: string) {
  const row = await loadProposalWithProject(ctx, id);
  if (row.project.clientId !== actor.id) throw new AppError(403, "forbidden", "Only the client who posted the project can do that.");
  return row;
}

/** The freelancer who sent a proposal edits or withdraws it: anyone else gets 403. */
export async function requireOwnProposal(ctx: DomainContext, actor: User, id: string) {
  const row = await loadProposalWithProject(ctx, id);
  if (row.proposal.freelancerId !== actor.id)
    throw new AppError(403, "forbidden", "Only the freelancer who sent this proposal can do that.");
  return row;
}
