import { z } from "zod";
import { MEETING_STATUSES } from "../../../db/schema/values";
import { timestampSchema, type SameShape } from "../shared/views";
import type { MeetingView } from "./views";

const party = z.object({ id: z.string(), name: z.string(), timeZone: z.string().nullable() });

/** A meeting as the API answers it (see MeetingView). */
export const meetingViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  contractId: z.string().nullable(),
  title: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  durationMinutes: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  sequence: z.number().int(),
  proposedBy: z.string(),
  awaitingAnswerFrom: z.string().nullable(),
  organizer: party,
  invitee: party,
  canJoin: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const meetingViewShape: SameShape<MeetingView, z.infer<typeof meetingViewSchema>> = true;
