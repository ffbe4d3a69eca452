import { z } from "zod";

/**
 * Work a request hands to the jobs queue instead of doing itself: it runs after the answer is sent and
 * is retried there. Used where the work must not show in the answer's timing (password reset).
 */
export const passwordResetJobSchema = z.object({
  type: z.literal("auth.password_reset"),
  email: z.string().max(254),
  meta: z.object({ ip: z.string().nullish(), userAgent: z.string().nullish(), country: z.string().nullish() }),
});

/** Reminds both sides of a meeting 15 minutes before `startsAt` (ms); a job for an old time does nothing. */
export const meetingReminderJobSchema = z.object({
  type: z.literal("meeting.remind"),
  meetingId: z.string().min(1).max(64),
  startsAt: z.number().int(),
});

/** Tells the owners of instant saved searches that a newly published project matches them (once per search and project). */
export const savedSearchMatchJobSchema = z.object({
  type: z.literal("saved-search.match"),
  projectId: z.string().min(1).max(64),
});

/** Builds and sends one saved search's daily e-mail digest (queued by the daily cron, one job per search). */
export const savedSearchDigestJobSchema = z.object({
  type: z.literal("saved-search.digest"),
  savedSearchId: z.string().min(1).max(64),
});

const subjectIds = z.array(z.string().min(1).max(64)).max(1000);

/**
 * One queue-sized chunk of a fraud sweep (queued by the fraud.sweep task): the subjects it scores and the sweep's
 * fixed window (ms), so every chunk scores as of the same moment and a redelivery scores the same things.
 */
export const fraudSweepChunkJobSchema = z.object({
  type: z.literal("fraud.sweep_chunk"),
  sweepId: z.string().min(1).max(64),
  chunk: z.number().int().min(0),
  chunks: z.number().int().min(1),
  windowStart: z.number().int(),
  windowEnd: z.number().int(),
  userIds: subjectIds,
  projectIds: subjectIds,
  paymentIds: subjectIds,
});
export type FraudSweepChunkJob = z.infer<typeof fraudSweepChunkJobSchema>;

export const domainJobSchemas = [
  passwordResetJobSchema,
  meetingReminderJobSchema,
  savedSearchMatchJobSchema,
  savedSearchDigestJobSchema,
  fraudSweepChunkJobSchema,
] as const;
export type DomainJob = z.infer<(typeof domainJobSchemas)[number]>;
