import type { DomainContext } from "../context";
import { jobSuccessFor } from "./job-success";
import { userReviews } from "./queries";

export const TRACK_RECORD_REVIEWS = 5;

/**
 * A freelancer's public record for the profile and dashboard: a page of what clients said, their rating (the same
 * reviews' average and count) and job success, all from the same visible reviews.
 */
export async function trackRecord(ctx: DomainContext, userId: string, reviewsCursor?: string) {
  const [reviews, jobSuccess] = await Promise.all([
    userReviews(ctx, userId, { limit: TRACK_RECORD_REVIEWS, cursor: reviewsCursor, as: "freelancer" }),
    jobSuccessFor(ctx, userId),
  ]);
  return { reviews, jobSuccess };
}
export type TrackRecord = Awaited<ReturnType<typeof trackRecord>>;
