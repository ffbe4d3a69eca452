import type { MessageView } from "../../../party/messages";
import type { Conversation, Message } from "../../../db/schema";

export interface ParticipantView {
  id: string;
  name: string;
  role: "client" | "freelancer";
  photoUrl: string | null;
  /** Their local zone when they stated one (settings, or a freelancer's profile); null when not known. */
  timeZone: string | null;
}

export interface ConversationView {
  id: string;
  projectId: string | null;
  contractId: string | null;
  /** The proposal the pair talked about before a hire. */
  proposalId: string | null;
  subject: ConversationSubject;
  clientId: string;
  freelancerId: string;
  participants: ParticipantView[];
  /** The member who is not the viewer. */
  otherParticipant: ParticipantView;
  lastMessage: MessageView | null;
  lastReadMessageId: string | null;
  unreadCount: number;
  lastActivityAt: string;
  createdAt: string;
}

/** What a conversation is about, and the page that shows it to this viewer. */
export interface ConversationSubject {
  kind: "contract" | "proposal" | "project" | "direct";
  /** The project's title; null for a direct conversation (or a project since deleted). */
  title: string | null;
  href: string | null;
}

export function conversationSubject(c: Conversation, viewerId: string, projectTitle: string | null): ConversationSubject {
  if (c.contractId) return { kind: "contract", title: projectTitle, href: `/contracts/${c.contractId}` };
  if (!c.projectId) return { kind: "direct", title: null, href: null };
  if (c.proposalId) {
    const href =
      viewerId === c.freelancerId ? `/freelancer/proposals/${c.proposalId}` : `/projects/${c.projectId}#proposal-${c.proposalId}`;
    return { kind: "proposal", title: projectTitle, href };
  }
  return { kind: "project", title: projectTitle, href: `/projects/${c.projectId}` };
}

export function messageView(message: Message): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    senderId: message.senderId,
    body: message.body,
    attachments: message.attachments,
    createdAt: message.createdAt.toISOString(),
  };
}
