import { and, avg, count, eq, type SQL } from "drizzle-orm";
import { contracts, freelancerProfiles, reviews } from "../../../db/schema";
import type { DomainContext } from "../context";
import { reviewContractJoin, reviewVisibleSql } from "./rules";
import { roundedAverage } from "./view";

export interface RatingSummary {
  /** Mean of visible ratings to one decimal; 0 when there are none. */
  average: number;
  count: number;
}

/** Average and count of the visible reviews about a user (as a client or as a freelancer). */
export async function ratingSummary(ctx: DomainContext, userId: string): Promise<RatingSummary> {
  return toRatingSummary(await ratingSummaryQuery(ctx, userId));
}

/** ratingSummary as one batchable query, for a user id or the SQL of one. */
export function ratingSummaryQuery(ctx: DomainContext, userId: string | SQL) {
  return ctx.db
    .select({ mean: avg(reviews.rating), total: count() })
    .from(reviews)
    .innerJoin(contracts, reviewContractJoin)
    .where(and(eq(reviews.subjectId, userId), reviewVisibleSql(ctx.clock.now())));
}

export function toRatingSummary(rows: Array<{ mean: string | null; total: number }>): RatingSummary {
  const [row] = rows;
  const total = Number(row?.total ?? 0);
  return { average: total ? roundedAverage(Number(row?.mean ?? 0)) : 0, count: total };
}

/** Keeps the freelancer profile's rating columns (used by search and ranking) equal to the visible reviews. */
export async function refreshProfileRatings(ctx: DomainContext, userIds: Iterable<string>): Promise<void> {
  for (const userId of new Set(userIds)) {
    const summary = await ratingSummary(ctx, userId);
    await ctx.db
      .update(freelancerProfiles)
      .set({ ratingAvg: summary.average, ratingCount: summary.count })
      .where(eq(freelancerProfiles.userId, userId));
  }
}
