import { eq } from "drizzle-orm";
import { contracts, proposals, type Contract, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { takesProposals } from "../projects/status";
import { AppError } from "../errors";
import { notify } from "../notifications/notify";
import { requireProposalForClient, requireUndecided } from "./access";
import { claimProposalStatements, insertWithNewContract } from "./hire";
import { proposalEventStatement } from "./history";
import { loadProposalView, type ProposalView } from "./views";

export function toContractView(c: Contract) {
  return {
    id: c.id,
    projectId: c.projectId,
    clientId: c.clientId,
    freelancerId: c.freelancerId,
    proposalId: c.proposalId,
    status: c.status,
    amount: c.amount,
    currency: c.currency,
    createdAt: c.createdAt.toISOString(),
  };
}
export type ContractView = ReturnType<typeof toContractView>;

export async function shortlistProposal(ctx: DomainContext, actor: User, proposalId: string): Promise<ProposalView> {
  const { proposal } = await requireProposalForClient(ctx, actor, proposalId);
  if (proposal.status === "shortlisted") return loadProposalView(ctx, proposal);
  requireUndecided(proposal, "shortlist");
  const [[updated]] = await ctx.db.batch([
    ctx.db.update(proposals).set({ status: "shortlisted", updatedAt: ctx.clock.now() }).where(eq(proposals.id, proposal.id)).returning(),
    proposalEventStatement(ctx, { proposalId: proposal.id, type: "shortlisted", actorId: actor.id }),
  ]);
  return loadProposalView(ctx, updated);
}

/** The client declines with an optional reason, which the freelancer sees. */
export async function declineProposal(ctx: DomainContext, actor: User, proposalId: string, reason?: string): Promise<ProposalView> {
  const { proposal, project } = await requireProposalForClient(ctx, actor, proposalId);
  requireUndecided(proposal, "decline");
  const now = ctx.clock.now();
  const declineReason = reason?.trim() || null;
  const [[updated]] = await ctx.db.batch([
    ctx.db
      .update(proposals)
      .set({ status: "declined", declineReason, updatedAt: now, decidedAt: now })
      .where(eq(proposals.id, proposal.id))
      .returning(),
    proposalEventStatement(ctx, { proposalId: proposal.id, type: "declined", actorId: actor.id, data: { reason: declineReason } }),
  ]);
  await notify(ctx, proposal.freelancerId, "proposal_declined", {
    title: `Proposal declined: ${project.title}`,
    body: `The client declined your proposal for "${project.title}".${declineReason ? ` Their reason: ${declineReason}` : ""}`,
    link: `/freelancer/proposals/${proposal.id}`,
  });
  return loadProposalView(ctx, updated);
}

/**
 * The client accepts: the proposal becomes "accepted" and a contract draft ("offered") is written in the
 * same transaction. Other proposals stay as they are; the client may hire more than one freelancer.
 */
export async function acceptProposal(
  ctx: DomainContext,
  actor: User,
  proposalId: string,
): Promise<{ proposal: ProposalView; contract: ContractView }> {
  const { proposal, project } = await requireProposalForClient(ctx, actor, proposalId);
  requireUndecided(proposal, "accept");
  if (!takesProposals(project.status)) throw new AppError(409, "project_closed", "Reopen the project before hiring on it.");
  const now = ctx.clock.now();
  const contractId = ctx.newId();
  const [claimed] = await ctx.db.batch([
    ...claimProposalStatements(ctx, { proposal, project, contractId, now }),
    insertWithNewContract(ctx, contractId, "proposal_events", {
      id: ctx.newId(),
      proposal_id: proposal.id,
      type: "hired",
      actor_id: actor.id,
      data: { contractId },
      created_at: now,
    }),
  ]);
  if (claimed.length === 0) throw new AppError(409, "proposal_decided", "This proposal was decided a moment ago.");
  const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.proposalId, proposal.id)).limit(1);
  await notify(ctx, proposal.freelancerId, "proposal_accepted", {
    title: `Proposal accepted: ${project.title}`,
    body: `Good news: the client accepted your proposal for "${project.title}". A contract offer is waiting for you.`,
    link: `/freelancer/proposals/${proposal.id}`,
  });
  const [updated] = await ctx.db.select().from(proposals).where(eq(proposals.id, proposal.id)).limit(1);
  return { proposal: await loadProposalView(ctx, updated), contract: toContractView(contract) };
}
