import { z } from "zod";
import { DISPUTE_PARTY_ROLES } from "../../../db/schema";
import { timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { JobSuccess } from "./job-success";
import type { contractReviews, userReviews } from "./queries";
import type { RatingSummary } from "./ratings";
import type { ReviewView } from "./view";

/** A review as profiles and contract pages show it; `privateNote` (to admins) only for admins. */
export const reviewViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorRole: z.enum(DISPUTE_PARTY_ROLES),
  subjectId: z.string(),
  rating: z.number().int(),
  skillRatings: z.array(z.object({ skill: z.string(), rating: z.number().int() })),
  comment: z.string(),
  privateNote: z.string().nullable().optional(),
  createdAt: timestampSchema,
});

/** When and why a moderator hid a review. */
const moderationSchema = z.object({ hiddenAt: timestampSchema, reason: z.string() }).nullable();

/** A contract's reviews: readable ones in full, the others (not visible yet, or hidden by a moderator) as a stub. */
export const contractReviewsSchema = z.object({
  items: z.array(
    z.union([
      reviewViewSchema.extend({ hidden: z.literal(false), moderation: moderationSchema }),
      z.object({
        id: z.string(),
        contractId: z.string(),
        authorRole: z.enum(DISPUTE_PARTY_ROLES),
        hidden: z.literal(true),
        createdAt: timestampSchema,
        moderation: moderationSchema,
      }),
    ]),
  ),
  visible: z.boolean(),
  /** When the reviews show at the latest (the contract's end + the hiding period); null while it runs. */
  visibleFrom: timestampSchema.nullable(),
  viewerCanReview: z.boolean(),
  viewerRole: z.enum(["client", "freelancer"]).nullable(),
});

/** Mean of visible ratings to one decimal (0 when there are none) and their count. */
export const ratingSummarySchema = z.object({ average: z.number(), count: z.number().int() });

export const userReviewsSchema = z.object({
  items: z.array(reviewViewSchema),
  nextCursor: z.string().nullable(),
  summary: ratingSummarySchema,
});

export const jobSuccessSchema = z.object({
  /** Whole percent, or null while too few contracts have an outcome. */
  score: z.number().int().nullable(),
  positive: z.number().int(),
  withOutcome: z.number().int(),
  minimum: z.number().int(),
});

export const reviewViewShape: SameShape<ReviewView, z.infer<typeof reviewViewSchema>> = true;
export const contractReviewsShape: SameShape<Resolved<typeof contractReviews>, z.infer<typeof contractReviewsSchema>> = true;
export const ratingSummaryShape: SameShape<RatingSummary, z.infer<typeof ratingSummarySchema>> = true;
export const userReviewsShape: SameShape<Resolved<typeof userReviews>, z.infer<typeof userReviewsSchema>> = true;
export const jobSuccessShape: SameShape<JobSuccess, z.infer<typeof jobSuccessSchema>> = true;
