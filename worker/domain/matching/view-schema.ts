import { z } from "zod";
import { BUDGET_TYPES } from "../../../db/schema";
import type { SameShape } from "../shared/views";
import type { FreelancerMatchView, ProjectMatchView } from "./matches";
import type { MatchReason } from "./score";
import { MATCH_FACTORS } from "./weights";

/** Why a match scored as it did: one reason per factor, its own score (0-100), its weight and a sentence. */
export const matchReasonSchema = z.object({
  factor: z.enum(MATCH_FACTORS as [MatchReason["factor"], ...MatchReason["factor"][]]),
  score: z.number(),
  weight: z.number(),
  text: z.string(),
});

const skillSchema = z.object({ slug: z.string(), name: z.string() });

export const freelancerMatchSchema = z.object({
  freelancer: z.object({
    id: z.string(),
    name: z.string(),
    handle: z.string(),
    headline: z.string(),
    hourlyRate: z.number().int().nullable(),
    currency: z.string(),
    country: z.string().nullable(),
    timezone: z.string(),
    rating: z.object({ average: z.number(), count: z.number().int() }),
    skills: z.array(skillSchema),
    url: z.string(),
  }),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  applied: z.boolean(),
  invited: z.boolean(),
});
export const freelancerMatchesSchema = z.object({ matches: z.array(freelancerMatchSchema) });

export const projectMatchSchema = z.object({
  project: z.object({
    id: z.string(),
    title: z.string(),
    category: z.string(),
    budgetType: z.enum(BUDGET_TYPES),
    budgetMin: z.number().int(),
    budgetMax: z.number().int(),
    currency: z.string(),
    skills: z.array(skillSchema),
    createdAt: z.iso.datetime(),
    url: z.string(),
  }),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
});
export const projectMatchesSchema = z.object({ items: z.array(projectMatchSchema) });

export const freelancerMatchShape: SameShape<FreelancerMatchView, z.infer<typeof freelancerMatchSchema>> = true;
export const projectMatchShape: SameShape<ProjectMatchView, z.infer<typeof projectMatchSchema>> = true;
