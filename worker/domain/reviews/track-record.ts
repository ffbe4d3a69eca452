import type { SQL } from "drizzle-orm";
import type { DomainContext } from "../context";
import { jobSuccessQueries, toJobSuccess } from "./job-success";
import { toUserReviews, userReviewsQueries } from "./queries";

export const TRACK_RECORD_REVIEWS = 5;

/** The queries behind trackRecord, batchable with a page's other reads (userId may be the SQL of an id). */
export function trackRecordQueries(ctx: DomainContext, userId: string | SQL, reviewsCursor?: string) {
  return [
    ...userReviewsQueries(ctx, userId, { limit: TRACK_RECORD_REVIEWS, cursor: reviewsCursor, as: "freelancer" }),
    ...jobSuccessQueries(ctx, userId),
  ] as const;
}

type TrackRecordRows = Awaited<ReturnType<DomainContext["db"]["batch"]>>;

export function toTrackRecord(ctx: DomainContext, rows: TrackRecordRows) {
  const [reviews, summary, ended, clientReviews, decided] = rows as never as [
    Parameters<typeof toUserReviews>[0][0],
    Parameters<typeof toUserReviews>[0][1],
    ...Parameters<typeof toJobSuccess>[1],
  ];
  return {
    reviews: toUserReviews([reviews, summary], { limit: TRACK_RECORD_REVIEWS }),
    jobSuccess: toJobSuccess(ctx, [ended, clientReviews, decided]),
  };
}

/**
 * A freelancer's public record for the profile and dashboard: a page of what clients said, their rating (the same
 * reviews' average and count) and job success, all from the same visible reviews, in one round trip.
 */
export async function trackRecord(ctx: DomainContext, userId: string, reviewsCursor?: string) {
  return toTrackRecord(ctx, await ctx.db.batch(trackRecordQueries(ctx, userId, reviewsCursor)));
}
export type TrackRecord = Awaited<ReturnType<typeof trackRecord>>;
