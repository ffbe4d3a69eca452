import { z } from "zod";
import type { PresenceEntry } from "../../../party/presence";
import { timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { issueRoomTicket } from "./access";

/** A one-minute ticket for a live room and the WebSocket URL that carries it. */
export const roomTicketSchema = z.object({ ticket: z.string(), url: z.string() });

/** Whether a person is online, away or offline, and when they were last seen (null if never). */
export const presenceEntrySchema = z.object({
  userId: z.string(),
  status: z.enum(["online", "away", "offline"]),
  lastSeenAt: timestampSchema.nullable(),
});

export const roomTicketShape: SameShape<Resolved<typeof issueRoomTicket>, z.infer<typeof roomTicketSchema>> = true;
export const presenceEntryShape: SameShape<PresenceEntry, z.infer<typeof presenceEntrySchema>> = true;
