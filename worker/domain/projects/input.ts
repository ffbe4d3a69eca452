import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_DURATIONS, PROJECT_VISIBILITIES } from "../../../db/schema/values";

/** Ceiling for any single amount in minor units (10 billion major units): keeps sums far from 2^53. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;
export const MAX_PROJECT_SKILLS = 15;
export const MAX_ATTACHMENTS = 10;

export const amountSchema = z.number().int("Use whole minor units (e.g. cents).").min(1, "Must be at least 1.").max(MAX_AMOUNT_MINOR);
export const fileKeysSchema = z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS);

/** What the project is about: the API's field and the project form's. */
export const projectDescription = z
  .string({ error: "Describe the work." })
  .trim()
  .min(10, "Describe the work in at least 10 characters.")
  .max(20_000, "Use at most 20,000 characters.");

export const projectInputSchema = z.object({
  title: z.string().trim().min(3, "Give the project a title of at least 3 characters.").max(150),
  description: projectDescription,
  category: z.string().trim().min(1).max(64),
  skills: z.array(z.string().trim().min(1).max(64)).min(1, "Pick at least one skill.").max(MAX_PROJECT_SKILLS),
  budgetType: z.enum(BUDGET_TYPES),
  budgetMin: amountSchema,
  budgetMax: amountSchema,
  currency: z.string().trim().length(3, "Use a three-letter ISO 4217 code."),
  duration: z.enum(PROJECT_DURATIONS).nullable().optional(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).optional(),
  visibility: z.enum(PROJECT_VISIBILITIES).optional(),
  attachments: fileKeysSchema.optional(),
});

export const projectPatchSchema = projectInputSchema.partial();

export type ProjectInput = z.input<typeof projectInputSchema>;
export type ProjectPatch = z.input<typeof projectPatchSchema>;
