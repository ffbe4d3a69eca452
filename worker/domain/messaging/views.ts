import type { MessageView } from "../../../party/messages";
import type { Message } from "../../../db/schema";

export interface ParticipantView {
  id: string;
  name: string;
  role: "client" | "freelancer";
}

export interface ConversationView {
  id: string;
  projectId: string | null;
  contractId: string | null;
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
