import { z } from "zod";

/** A small text attachment (a calendar invitation); bodies are text so the queue message stays JSON. */
export const emailAttachmentSchema = z.object({
  filename: z.string().regex(/^[\w.-]{1,100}$/),
  contentType: z.string().min(1).max(200),
  content: z.string().max(100_000),
});
export type EmailAttachment = z.infer<typeof emailAttachmentSchema>;

export const emailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().optional(),
  template: z.string().min(1),
  attachments: z.array(emailAttachmentSchema).max(5).optional(),
});

export type EmailMessage = z.infer<typeof emailMessageSchema>;

export interface Mailer {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}
