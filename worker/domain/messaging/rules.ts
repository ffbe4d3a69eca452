import { and, eq } from "drizzle-orm";
import { contracts, projects, proposals, users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import type { StartConversationInput } from "./inputs";

export interface ConversationParties {
  clientId: string;
  freelancerId: string;
  projectId: string | null;
  contractId: string | null;
  contextKey: string;
}

const notAllowed = (message: string) => new AppError(403, "conversation_not_allowed", message);

/**
 * Who may start a conversation with whom (docs/decisions/010-room-tickets-and-messaging.md):
 * a client may write to any freelancer (an invitation from a profile); a freelancer may write to a
 * client only after proposing to one of that client's projects; the two parties of a contract always may.
 */
export async function resolveParties(ctx: DomainContext, viewer: User, input: StartConversationInput): Promise<ConversationParties> {
  if (input.participantId === viewer.id) {
    throw new AppError(422, "validation_failed", "You cannot start a conversation with yourself.", {
      participantId: ["Choose someone else."],
    });
  }
  const participant = await ctx.db.query.users.findFirst({ where: eq(users.id, input.participantId) });
  if (!participant || participant.blockedAt) throw new AppError(404, "not_found", "No such user.");

  if (input.contractId) return contractParties(ctx, viewer, participant, input.contractId, input.projectId);
  if (input.projectId) return projectParties(ctx, viewer, participant, input.projectId);

  if (viewer.roles.includes("client") && participant.roles.includes("freelancer")) {
    return { clientId: viewer.id, freelancerId: participant.id, projectId: null, contractId: null, contextKey: "direct" };
  }
  if (viewer.roles.includes("freelancer") && participant.roles.includes("client")) {
    if (!(await hasProposedTo(ctx, viewer.id, participant.id))) {
      throw notAllowed("You can message a client once you have sent a proposal on one of their projects.");
    }
    return { clientId: participant.id, freelancerId: viewer.id, projectId: null, contractId: null, contextKey: "direct" };
  }
  throw notAllowed("Conversations are between a client and a freelancer.");
}

async function contractParties(
  ctx: DomainContext,
  viewer: User,
  participant: User,
  contractId: string,
  projectId: string | undefined,
): Promise<ConversationParties> {
  const contract = await ctx.db.query.contracts.findFirst({ where: eq(contracts.id, contractId) });
  const pair = contract ? [contract.clientId, contract.freelancerId].sort().join() : "";
  if (!contract || pair !== [viewer.id, participant.id].sort().join()) throw new AppError(404, "not_found", "No such contract.");
  if (projectId && projectId !== contract.projectId) {
    throw new AppError(422, "validation_failed", "That contract belongs to another project.", {
      projectId: ["Does not match the contract."],
    });
  }
  return {
    clientId: contract.clientId,
    freelancerId: contract.freelancerId,
    projectId: contract.projectId,
    contractId: contract.id,
    contextKey: `contract:${contract.id}`,
  };
}

async function projectParties(ctx: DomainContext, viewer: User, participant: User, projectId: string): Promise<ConversationParties> {
  const project = await ctx.db.query.projects.findFirst({ where: eq(projects.id, projectId) });
  if (!project) throw new AppError(404, "not_found", "No such project.");
  const contextKey = `project:${project.id}`;
  if (project.clientId === viewer.id && participant.roles.includes("freelancer")) {
    return { clientId: viewer.id, freelancerId: participant.id, projectId: project.id, contractId: null, contextKey };
  }
  if (project.clientId === participant.id && viewer.roles.includes("freelancer")) {
    const [proposal] = await ctx.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.projectId, project.id), eq(proposals.freelancerId, viewer.id)))
      .limit(1);
    if (!proposal) throw notAllowed("You can message this client once you have sent a proposal on the project.");
    return { clientId: participant.id, freelancerId: viewer.id, projectId: project.id, contractId: null, contextKey };
  }
  throw notAllowed("Only the project's client and a freelancer can talk about this project.");
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
