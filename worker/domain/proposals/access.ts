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
  if (!row) throw proposalNotFound();
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

const proposalNotFound = () => new AppError(404, "not_found", "No such proposal.");

/**
 * A proposal exists only for its two parties (the project's client and the freelancer who sent it);
 * anyone else is told it does not exist, so ids reveal nothing.
 */
export async function proposalForParty(ctx: DomainContext, actor: User, id: string) {
  const row = await loadProposalWithProject(ctx, id);
  if (row.proposal.freelancerId !== actor.id && row.project.clientId !== actor.id) throw proposalNotFound();
  return row;
}

/** The project's client acts on proposals: the freelancer gets 403, anyone else 404. */
export async function requireProposalForClient(ctx: DomainContext, actor: User, id: string) {
  const row = await proposalForParty(ctx, actor, id);
  if (row.project.clientId !== actor.id) throw new AppError(403, "forbidden", "Only the client who posted the project can do that.");
  return row;
}

/** The freelancer who sent a proposal edits or withdraws it: the client gets 403, anyone else 404. */
export async function requireOwnProposal(ctx: DomainContext, actor: User, id: string) {
  const row = await proposalForParty(ctx, actor, id);
  if (row.proposal.freelancerId !== actor.id)
    throw new AppError(403, "forbidden", "Only the freelancer who sent this proposal can do that.");
  return row;
}
