import { z } from "zod";
import { amountSchema, fileKeysSchema } from "../projects/input";

export const MAX_MILESTONES = 20;

export const milestonePlanSchema = z
  .array(z.object({ title: z.string().trim().min(1).max(120), amount: amountSchema }))
  .min(1)
  .max(MAX_MILESTONES);

export const proposalInputSchema = z.object({
  coverLetter: z.string().max(10_000),
  bidAmount: amountSchema,
  estimatedDays: z.number().int().min(1).max(3650),
  milestones: milestonePlanSchema.nullable().optional(),
  attachments: fileKeysSchema.optional(),
});

export const proposalPatchSchema = proposalInputSchema.partial();
export const declineSchema = z.object({ reason: z.string().trim().max(1000).optional() });

export type ProposalInput = z.input<typeof proposalInputSchema>;
export type ProposalPatch = z.input<typeof proposalPatchSchema>;
