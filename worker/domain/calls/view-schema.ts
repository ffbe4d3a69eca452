import { z } from "zod";
import { CALL_STATUSES } from "../../../db/schema";
import type { CallView } from "../../../party/call-messages";
import { pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { InviteeView } from "./invites";

export const callParticipantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Rung and not answered yet, in the call, declined, or hung up while the others carried on. */
  state: z.enum(["invited", "joined", "declined", "left"]),
  /** Who added them to a call under way; null for the conversation's own members. */
  invitedBy: z.string().nullable(),
  invitedAt: timestampSchema,
});

/** A call as the API and the rooms show it. */
export const callViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  contractId: z.string().nullable(),
  startedBy: z.string(),
  participants: z.array(callParticipantViewSchema),
  status: z.enum(CALL_STATUSES),
  /** "p2p" (browser to browser) for two people; "sfu" (Cloudflare Calls) beyond that when configured. */
  media: z.enum(["p2p", "sfu"]),
  startedAt: timestampSchema,
  answeredAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  durationSeconds: z.number().int().nullable(),
});
export const callsPageSchema = pageSchema(callViewSchema);

/** Someone the viewer could add to a call under way. */
export const inviteeViewSchema = z.object({ id: z.string(), name: z.string() });
export const inviteesPageSchema = pageSchema(inviteeViewSchema);

export const callViewShape: SameShape<CallView, z.infer<typeof callViewSchema>> = true;
export const inviteeViewShape: SameShape<InviteeView, z.infer<typeof inviteeViewSchema>> = true;
