import { z } from "zod";
import { ratingSummarySchema, reviewViewSchema } from "../reviews/view-schema";
import { timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { getClientAbout } from "./about";

/** "About the client": the facts a freelancer weighs before applying, and the reviews freelancers left. */
export const clientAboutSchema = z.object({
  id: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
  country: z.string().nullable(),
  /** True once a payment of theirs was confirmed by a payment provider (card, sandbox card or USDC). */
  paymentVerified: z.boolean(),
  /** Paid in for contracts minus refunds, per currency, in minor units. */
  totalSpent: z.array(z.object({ currency: z.string(), amount: z.number().int() })),
  projectsPosted: z.number().int(),
  openProjects: z.number().int(),
  hires: z.number().int(),
  /** Whole percent of posted projects with a hire; null before the first project. */
  hireRate: z.number().int().nullable(),
  memberSince: timestampSchema,
  /** IANA zone of the client's country; null when unknown. */
  timeZone: z.string().nullable(),
  /** "HH:MM" in that zone when answered. */
  localTime: z.string().nullable(),
  rating: ratingSummarySchema,
  reviews: z.array(reviewViewSchema),
});

export const clientAboutShape: SameShape<Resolved<typeof getClientAbout>, z.infer<typeof clientAboutSchema>> = true;
