import { z } from "zod";

export const MESSAGE_BODY_MAX_CHARS = 5000;
export const MESSAGES_PAGE_MAX = 100;
export const MESSAGES_PAGE_DEFAULT = 50;
export const CONVERSATIONS_PAGE_MAX = 50;
export const ATTACHMENTS_PER_MESSAGE_MAX = 10;
/** Per user, across conversations. */
export const MESSAGES_PER_MINUTE = 30;

/** Ids are newId() strings (Crockford base32), used as cursors. */
export const idParam = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, "Not a valid id.");

export const messageBody = z
  .string()
  .trim()
  .min(1, "Write a message first.")
  .max(MESSAGE_BODY_MAX_CHARS, `Messages are at most ${MESSAGE_BODY_MAX_CHARS} characters.`);

export const attachmentInput = z.object({
  key: z.string().min(1).max(512),
  name: z.string().trim().min(1).max(255),
  contentType: z.string().min(1).max(255),
  size: z.number().int().min(0),
});

export const sendMessageInput = z.object({
  body: messageBody,
  attachments: z.array(attachmentInput).max(ATTACHMENTS_PER_MESSAGE_MAX).optional(),
});
export type SendMessageInput = z.infer<typeof sendMessageInput>;

export const startConversationInput = z.object({
  participantId: idParam,
  projectId: idParam.optional(),
  contractId: idParam.optional(),
});
export type StartConversationInput = z.infer<typeof startConversationInput>;

export interface MessagePageQuery {
  before?: string;
  after?: string;
  q?: string;
  limit: number;
}
