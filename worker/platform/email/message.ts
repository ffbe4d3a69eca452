import { z } from "zod";

export const emailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().optional(),
  template: z.string().min(1),
});

export type EmailMessage = z.infer<typeof emailMessageSchema>;

export interface Mailer {
  readonly name: string;
  send(message: EmailMessage): Promise<void>;
}
