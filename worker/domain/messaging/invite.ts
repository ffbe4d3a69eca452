import type { User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireOwnProject } from "../projects/access";
import { inviteFreelancer } from "../projects/projects";
import { startConversation } from "./conversations";
import type { ConversationView } from "./views";

/**
 * "Message" on a freelancer's profile, for a client: the direct conversation, or with a project chosen, an
 * invitation to that open project (the freelancer is told and may then propose) and the conversation about it.
 */
export async function messageFreelancer(
  ctx: DomainContext,
  client: User,
  input: { freelancerId: string; projectId?: string | null },
): Promise<{ conversation: ConversationView; created: boolean; invited: boolean }> {
  if (!input.projectId) {
    return { ...(await startConversation(ctx, { user: client }, { participantId: input.freelancerId })), invited: false };
  }
  const project = await requireOwnProject(ctx, input.projectId, client);
  if (project.status !== "open") {
    throw new AppError(409, "project_closed", "This project no longer takes proposals: choose an open one, or write without a project.");
  }
  const opened = await startConversation(ctx, { user: client }, { participantId: input.freelancerId, projectId: project.id });
  // Already hired on it: the thread is the contract's, and there is nothing to invite to.
  if (opened.conversation.contractId) return { ...opened, invited: false };
  await inviteFreelancer(ctx, client, project.id, input.freelancerId);
  return { ...opened, invited: true };
}

/**
 * What a "Message" button asks for: a proposal's or a contract's conversation, or one with a person; a client
 * writing to a freelancer may name one of their open projects to invite them to.
 */
export async function openConversationFrom(
  ctx: DomainContext,
  viewer: User,
  input: { proposalId?: string; contractId?: string; participantId?: string; projectId?: string },
): Promise<{ conversation: ConversationView; created: boolean }> {
  if (input.proposalId || input.contractId || !input.participantId) {
    return startConversation(
      ctx,
      { user: viewer },
      { proposalId: input.proposalId, contractId: input.contractId, participantId: input.participantId },
    );
  }
  if (viewer.roles.includes("client") && input.projectId) {
    return messageFreelancer(ctx, viewer, { freelancerId: input.participantId, projectId: input.projectId });
  }
  return startConversation(ctx, { user: viewer }, { participantId: input.participantId });
}
