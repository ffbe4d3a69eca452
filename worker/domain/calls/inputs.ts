import { z } from "zod";
import { idParam } from "../messaging/inputs";
import { INVITEES_PAGE_DEFAULT, INVITEES_PAGE_MAX } from "./rules";

/** A call starts from exactly one place: a conversation or a contract. */
export const startCallInput = z
  .object({ conversationId: idParam.optional(), contractId: idParam.optional() })
  .refine((v) => Boolean(v.conversationId) !== Boolean(v.contractId), {
    message: "Give either conversationId or contractId.",
    path: ["conversationId"],
  });
export type StartCallInput = z.infer<typeof startCallInput>;

/** Someone to add to a call under way. */
export const inviteToCallInput = z.object({ userId: idParam });
export type InviteToCallInput = z.infer<typeof inviteToCallInput>;

/** A page of people who could be added to a call, optionally narrowed by a part of their name. */
export const inviteesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(INVITEES_PAGE_MAX).default(INVITEES_PAGE_DEFAULT),
});
export type InviteesQuery = z.infer<typeof inviteesQuery>;
