import { and, desc, eq } from "drizzle-orm";
import { contracts, projects, proposals, users, type Contract, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import type { StartConversationInput } from "./inputs";

export interface ConversationParties {
  clientId: string;
  freelancerId: string;
  projectId: string | null;
  contractId: string | null;
  proposalId: string | null;
  contextKey: string;
}

const notAllowed = (message: string) => new AppError(403, "conversation_not_allowed", message);
const noSuchProposal = () => new AppError(404, "not_found", "No such proposal.");

/** Before a hire the pair talks about the project; the hire carries that thread over to the contract. */
export const projectContextKey = (projectId: string) => `project:${projectId}`;
export const contractContextKey = (contractId: string) => `contract:${contractId}`;

/**
 * Who may start a conversation with whom, and about what (docs/decisions/010-room-tickets-and-messaging.md and
 * 026-messaging-wherever-people-meet.md): a client may write to any freelancer (an invitation from a profile);
 * a freelancer may write to a client only after proposing to one of that client's projects; the client and the
 * applicant always may about the proposal; the two parties of a contract always may. One conversation per pair
 * and subject: a contract, a project (with its proposal), or nothing in particular.
 */
export async function resolveParties(ctx: DomainContext, viewer: User, input: StartConversationInput): Promise<ConversationParties> {
  if (input.proposalId) return proposalParties(ctx, viewer, input.proposalId, input.participantId);
  const participant = await requireParticipant(ctx, viewer, input.participantId);
  if (input.contractId) return contractParties(ctx, viewer, input.contractId, participant, input.projectId);
  if (input.projectId) return projectParties(ctx, viewer, participant, input.projectId);
  if (!participant) {
    throw new AppError(422, "validation_failed", "Say whom to write to, or about which proposal or contract.", {
      participantId: ["Required without a proposal or contract."],
    });
  }

  if (viewer.roles.includes("client") && participant.roles.includes("freelancer")) {
    return direct(viewer.id, participant.id);
  }
  if (viewer.roles.includes("freelancer") && participant.roles.includes("client")) {
    if (!(await hasProposedTo(ctx, viewer.id, participant.id))) {
      throw notAllowed("You can message a client once you have sent a proposal on one of their projects.");
    }
    return direct(participant.id, viewer.id);
  }
  throw notAllowed("Conversations are between a client and a freelancer.");
}

function direct(clientId: string, freelancerId: string): ConversationParties {
  return { clientId, freelancerId, projectId: null, contractId: null, proposalId: null, contextKey: "direct" };
}

async function requireParticipant(ctx: DomainContext, viewer: User, participantId: string | undefined): Promise<User | null> {
  if (!participantId) return null;
  if (participantId === viewer.id) {
    throw new AppError(422, "validation_failed", "You cannot start a conversation with yourself.", {
      participantId: ["Choose someone else."],
    });
  }
  const participant = await ctx.db.query.users.findFirst({ where: eq(users.id, participantId) });
  if (!participant || participant.blockedAt) throw new AppError(404, "not_found", "No such user.");
  return participant;
}

function partiesOfContract(contract: Contract): ConversationParties {
  return {
    clientId: contract.clientId,
    freelancerId: contract.freelancerId,
    projectId: contract.projectId,
    contractId: contract.id,
    proposalId: contract.proposalId,
    contextKey: contractContextKey(contract.id),
  };
}

async function contractParties(
  ctx: DomainContext,
  viewer: User,
  contractId: string,
  participant: User | null,
  projectId: string | undefined,
): Promise<ConversationParties> {
  const contract = await ctx.db.query.contracts.findFirst({ where: eq(contracts.id, contractId) });
  const isParty = contract && (contract.clientId === viewer.id || contract.freelancerId === viewer.id);
  const other = contract && (contract.clientId === viewer.id ? contract.freelancerId : contract.clientId);
  if (!contract || !isParty || (participant && participant.id !== other)) throw new AppError(404, "not_found", "No such contract.");
  if (projectId && projectId !== contract.projectId) {
    throw new AppError(422, "validation_failed", "That contract belongs to another project.", {
      projectId: ["Does not match the contract."],
    });
  }
  return partiesOfContract(contract);
}

/** The contract that came of this pair's talk about a project, if any: their thread then lives on it. */
async function contractFor(ctx: DomainContext, projectId: string, clientId: string, freelancerId: string) {
  return ctx.db.query.contracts.findFirst({
    where: and(eq(contracts.projectId, projectId), eq(contracts.clientId, clientId), eq(contracts.freelancerId, freelancerId)),
    orderBy: desc(contracts.createdAt),
  });
}

/** The project's client and the applicant, about the proposal; after a hire, about the contract it became. */
async function proposalParties(
  ctx: DomainContext,
  viewer: User,
  proposalId: string,
  participantId: string | undefined,
): Promise<ConversationParties> {
  const [row] = await ctx.db
    .select({ proposal: proposals, clientId: projects.clientId })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.id, proposalId))
    .limit(1);
  if (!row) throw noSuchProposal();
  const { proposal, clientId } = row;
  const isParty = viewer.id === clientId || viewer.id === proposal.freelancerId;
  const other = viewer.id === clientId ? proposal.freelancerId : clientId;
  if (!isParty || (participantId && participantId !== other)) throw noSuchProposal();
  const contract = await ctx.db.query.contracts.findFirst({ where: eq(contracts.proposalId, proposal.id) });
  if (contract) return partiesOfContract(contract);
  const counterpart = await ctx.db.query.users.findFirst({ where: eq(users.id, other) });
  if (!counterpart || counterpart.blockedAt) throw new AppError(404, "not_found", "No such user.");
  return {
    clientId,
    freelancerId: proposal.freelancerId,
    projectId: proposal.projectId,
    contractId: null,
    proposalId: proposal.id,
    contextKey: projectContextKey(proposal.projectId),
  };
}

async function projectParties(ctx: DomainContext, viewer: User, participant: User | null, projectId: string): Promise<ConversationParties> {
  const project = await ctx.db.query.projects.findFirst({ where: eq(projects.id, projectId) });
  if (!project) throw new AppError(404, "not_found", "No such project.");
  if (!participant) {
    throw new AppError(422, "validation_failed", "Say whom to write to about this project.", { participantId: ["Required."] });
  }
  let clientId: string;
  let freelancerId: string;
  if (project.clientId === viewer.id && participant.roles.includes("freelancer")) {
    clientId = viewer.id;
    freelancerId = participant.id;
  } else if (project.clientId === participant.id && viewer.roles.includes("freelancer")) {
    clientId = participant.id;
    freelancerId = viewer.id;
  } else {
    throw notAllowed("Only the project's client and a freelancer can talk about this project.");
  }
  const contract = await contractFor(ctx, project.id, clientId, freelancerId);
  if (contract) return partiesOfContract(contract);
  const [proposal] = await ctx.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.projectId, project.id), eq(proposals.freelancerId, freelancerId)))
    .limit(1);
  if (!proposal && freelancerId === viewer.id) {
    throw notAllowed("You can message this client once you have sent a proposal on the project.");
  }
  return {
    clientId,
    freelancerId,
    projectId: project.id,
    contractId: null,
    proposalId: proposal?.id ?? null,
    contextKey: projectContextKey(project.id),
  };
}

async function hasProposedTo(ctx: DomainContext, freelancerId: string, clientId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: proposals.id })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(and(eq(proposals.freelancerId, freelancerId), eq(projects.clientId, clientId)))
    .limit(1);
  return Boolean(row);
}
