import { z } from "zod";
import { timestampSchema, type SameShape } from "../shared/views";
import type { FreelancerSummary } from "./views";

/** A freelancer as search results and saved lists show them. */
export const freelancerSummarySchema = z.object({
  userId: z.string(),
  handle: z.string(),
  name: z.string(),
  headline: z.string(),
  bio: z.string(),
  skills: z.array(z.object({ slug: z.string(), name: z.string(), years: z.number() })),
  hourlyRate: z.number().int().nullable(),
  currency: z.string(),
  availabilityHoursPerWeek: z.number().int().nullable(),
  timezone: z.string(),
  languages: z.array(z.string()),
  country: z.string().nullable(),
  rating: z.object({ average: z.number(), count: z.number().int() }),
  url: z.string(),
  memberSince: timestampSchema,
});

export const freelancerSummaryShape: SameShape<FreelancerSummary, z.infer<typeof freelancerSummarySchema>> = true;
