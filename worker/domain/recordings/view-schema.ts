import { z } from "zod";
import { RECORDING_KINDS, RECORDING_STATUSES } from "../../../db/schema/values";
import { timestampSchema, type SameShape } from "../shared/views";
import type { RecordingView } from "./views";

const person = z.object({ id: z.string(), name: z.string() });

/** A call recording as the API answers it (see RecordingView). */
export const recordingViewSchema = z.object({
  id: z.string(),
  callId: z.string(),
  conversationId: z.string(),
  kind: z.enum(RECORDING_KINDS),
  status: z.enum(RECORDING_STATUSES),
  contentType: z.string(),
  recordedBy: person,
  participants: z.array(person),
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  durationSeconds: z.number().int(),
  bytes: z.number().int(),
  expiresAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
  fileUrl: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});

export const recordingViewShape: SameShape<RecordingView, z.infer<typeof recordingViewSchema>> = true;
