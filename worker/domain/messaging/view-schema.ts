import { z } from "zod";
import type { MessageView } from "../../../party/messages";
import { pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { ConversationView } from "./views";

/** A file attached to a message. */
export const attachmentViewSchema = z.object({ key: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() });

/** A message as the API answers it and the conversation room delivers it. */
export const messageViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  senderId: z.string(),
  body: z.string(),
  attachments: z.array(attachmentViewSchema),
  createdAt: timestampSchema,
});
export const messagesPageSchema = pageSchema(messageViewSchema);

export const participantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["client", "freelancer"]),
  photoUrl: z.url().nullable(),
  timeZone: z.string().nullable(),
});

export const conversationViewSchema = z.object({
  id: z.string(),
  projectId: z.string().nullable(),
  contractId: z.string().nullable(),
  /** The proposal the pair talked about before a hire. */
  proposalId: z.string().nullable(),
  /** What the conversation is about, and the page that shows it to this viewer. */
  subject: z.object({
    kind: z.enum(["contract", "proposal", "project", "direct"]),
    title: z.string().nullable(),
    href: z.string().nullable(),
  }),
  clientId: z.string(),
  freelancerId: z.string(),
  participants: z.array(participantViewSchema),
  /** The member who is not the viewer. */
  otherParticipant: participantViewSchema,
  lastMessage: messageViewSchema.nullable(),
  lastReadMessageId: z.string().nullable(),
  unreadCount: z.number().int(),
  lastActivityAt: timestampSchema,
  createdAt: timestampSchema,
});
export const conversationsPageSchema = pageSchema(conversationViewSchema);

/** A read receipt: where the viewer now stands, and what is still unread in the conversation. */
export const readReceiptSchema = z.object({ lastReadId: z.string(), unreadCount: z.number().int() });

export const messageViewShape: SameShape<MessageView, z.infer<typeof messageViewSchema>> = true;
export const conversationViewShape: SameShape<ConversationView, z.infer<typeof conversationViewSchema>> = true;
