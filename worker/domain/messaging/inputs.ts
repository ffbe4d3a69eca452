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

export const messageBody = z.string().trim().max(MESSAGE_BODY_MAX_CHARS, `Messages are at most ${MESSAGE_BODY_MAX_CHARS} characters.`);

/** An upload of the sender's (POST /api/uploads); its type and size are what was stored, its name may be given. */
export const attachmentInput = z.object({
  key: z.string().min(1).max(512),
  name: z.string().trim().min(1).max(255).optional(),
  contentType: z.string().min(1).max(255).optional(),
  size: z.number().int().min(0).optional(),
});

export const sendMessageInput = z
  .object({
    body: messageBody.default(""),
    attachments: z
      .array(attachmentInput)
      .max(ATTACHMENTS_PER_MESSAGE_MAX, `Attach at most ${ATTACHMENTS_PER_MESSAGE_MAX} files to a message.`)
      .optional(),
  })
  .refine((m) => m.body.length > 0 || (m.attachments?.length ?? 0) > 0, { message: "Write a message first.", path: ["body"] });
export type SendMessageInput = z.input<typeof sendMessageInput>;

/**
 * Whom to talk to and about what: a participant (directly, or about a project or contract), or a proposal or a
 * contract alone (the other side is then the other party).
 */
export const startConversationInput = z
  .object({
    participantId: idParam.optional(),
    projectId: idParam.optional(),
    contractId: idParam.optional(),
    proposalId: idParam.optional(),
  })
  .refine((i) => i.participantId || i.proposalId || i.contractId, {
    message: "Say whom to write to, or about which proposal or contract.",
    path: ["participantId"],
  });
export type StartConversationInput = z.infer<typeof startConversationInput>;

export interface MessagePageQuery {
  before?: string;
  after?: string;
  q?: string;
  limit: number;
}
