import { z } from "zod";
import { amountSchema, fileKeysSchema } from "../projects/input";

export const MAX_MILESTONES = 20;
export const MIN_COVER_LETTER_CHARS = 100;
export const COVER_LETTER_TOO_SHORT = `Write at least ${MIN_COVER_LETTER_CHARS} characters about how you would do this work.`;

/** A real letter: 100+ characters once trimmed (the spam guard in quality.ts also refuses near copies). */
export const coverLetterSchema = z
  .string({ error: "Write a cover letter." })
  .trim()
  .min(MIN_COVER_LETTER_CHARS, COVER_LETTER_TOO_SHORT)
  .max(10_000, "Use at most 10,000 characters.");

export const milestonePlanSchema = z
  .array(z.object({ title: z.string().trim().min(1).max(120), amount: amountSchema }))
  .min(1)
  .max(MAX_MILESTONES);

export const proposalInputSchema = z.object({
  coverLetter: coverLetterSchema,
  bidAmount: amountSchema,
  estimatedDays: z.number().int().min(1).max(3650),
  milestones: milestonePlanSchema.nullable().optional(),
  attachments: fileKeysSchema.optional(),
});

export const proposalPatchSchema = proposalInputSchema.partial();
export const declineSchema = z.object({ reason: z.string().trim().max(1000).optional() });

export type ProposalInput = z.input<typeof proposalInputSchema>;
export type ProposalPatch = z.input<typeof proposalPatchSchema>;
