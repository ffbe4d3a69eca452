import { and, avg, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { contracts, freelancerProfiles, reviews } from "../../../db/schema";
import type { DomainContext } from "../context";
import { REVIEW_HIDDEN_MS, reviewContractJoin, reviewVisibleSql } from "./rules";
import { roundedAverage } from "./view";

export interface RatingSummary {
  /** Mean of visible ratings to one decimal; 0 when there are none. */
  average: number;
  count: number;
}

/** In which role the reviewed person worked: reviews of a freelancer are written by clients, and the other way round. */
export type ReviewedAs = "freelancer" | "client";
const AUTHOR_OF: Record<ReviewedAs, "client" | "freelancer"> = { freelancer: "client", client: "freelancer" };

/** Reviews about the user that count now: visible (not moderated, published or past the hiding period), in the role if given. */
export function countedReviewsSql(ctx: DomainContext, subject: SQL, as?: ReviewedAs): SQL {
  return and(subject, reviewVisibleSql(ctx.clock.now()), as ? eq(reviews.authorRole, AUTHOR_OF[as]) : undefined) as SQL;
}

const NONE: RatingSummary = { average: 0, count: 0 };

/** The query behind ratingSummaries, for callers that batch it with their own reads (one round trip). */
export function ratingSummariesQuery(ctx: DomainContext, userIds: string[], as?: ReviewedAs) {
  return ctx.db
    .select({ userId: reviews.subjectId, mean: avg(reviews.rating), total: count() })
    .from(reviews)
    .innerJoin(contracts, reviewContractJoin)
    .where(countedReviewsSql(ctx, inArray(reviews.subjectId, userIds.length ? userIds : [""]), as))
    .groupBy(reviews.subjectId);
}

/**
 * The same summary for one user as a batchable query, where the user may be the SQL of an id (a page that finds the
 * user by handle in the same round trip); map its rows with toRatingSummary.
 */
export function ratingSummaryQuery(ctx: DomainContext, userId: string | SQL, as?: ReviewedAs) {
  return ctx.db
    .select({ mean: avg(reviews.rating), total: count() })
    .from(reviews)
    .innerJoin(contracts, reviewContractJoin)
    .where(countedReviewsSql(ctx, eq(reviews.subjectId, userId), as));
}

export function toRatingSummary(rows: Array<{ mean: string | null; total: number }>): RatingSummary {
  const total = Number(rows[0]?.total ?? 0);
  return total ? { average: roundedAverage(Number(rows[0]?.mean ?? 0)), count: total } : NONE;
}

/**
 * The rating of the user whose id column is `userIdColumn`, as one scalar SQL expression (a JSON array of count and
 * mean) for statements that read many people at once; map it with ratingFromJson. Same reviews as ratingSummaries.
 */
export function ratingJsonSql(ctx: DomainContext, userIdColumn: SQL, as?: ReviewedAs): SQL {
  const counted = ctx.db
    .select({ rating: sql`json_array(count(*), avg(${reviews.rating}))` })
    .from(reviews)
    .innerJoin(contracts, reviewContractJoin)
    .where(countedReviewsSql(ctx, sql`${reviews.subjectId} = ${userIdColumn}`, as));
  return sql`(${counted})`;
}

export function ratingFromJson(json: string | null): RatingSummary {
  const [total, mean] = json ? (JSON.parse(json) as [number, number | null]) : [0, null];
  return toRatingSummary([{ mean: mean === null ? null : String(mean), total }]);
}

/** ratingSummariesQuery's rows as a summary per user, none for users without counted reviews. */
export function toRatingSummaries(
  userIds: string[],
  rows: Array<{ userId: string; mean: string | null; total: number }>,
): Map<string, RatingSummary> {
  const found = new Map(rows.map((r) => [r.userId, { average: roundedAverage(Number(r.mean ?? 0)), count: Number(r.total) }]));
  return new Map(userIds.map((id) => [id, found.get(id) ?? NONE]));
}

/**
 * The one place a rating comes from: the average and count of the visible reviews about each user. Profiles,
 * lists and track records all read it, so every number on a page agrees with the reviews listed beside it.
 */
export async function ratingSummaries(ctx: DomainContext, userIds: string[], as?: ReviewedAs): Promise<Map<string, RatingSummary>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  return toRatingSummaries(ids, await ratingSummariesQuery(ctx, ids, as));
}

/** Average and count of the visible reviews about one user (in one role, if given). */
export async function ratingSummary(ctx: DomainContext, userId: string, as?: ReviewedAs): Promise<RatingSummary> {
  return (await ratingSummaries(ctx, [userId], as)).get(userId) ?? NONE;
}

/**
 * Keeps the freelancer profile's rating columns, which search sorts and filters by and matching ranks by, equal to
 * the visible reviews of the freelancer's work. Pages never show these columns: they read ratingSummaries.
 */
export async function refreshProfileRatings(ctx: DomainContext, userIds: Iterable<string>): Promise<void> {
  const summaries = await ratingSummaries(ctx, [...userIds], "freelancer");
  for (const [userId, summary] of summaries) {
    await ctx.db
      .update(freelancerProfiles)
      .set({ ratingAvg: summary.average, ratingCount: summary.count })
      .where(eq(freelancerProfiles.userId, userId));
  }
}

/**
 * The same columns for every profile at once, from the reviews as they stand at `now` (for a freshly seeded or
 * imported database). Mirrors ratingSummaries: visible client reviews, averaged to one decimal.
 */
export function refreshAllProfileRatingsSql(now: Date): SQL {
  const visibleSince = now.getTime() - REVIEW_HIDDEN_MS;
  const counted = sql`from reviews r join contracts c on c.id = r.contract_id
    where r.subject_id = freelancer_profiles.user_id and r.author_role = 'client' and r.hidden_at is null
      and (r.published_at is not null or c.ended_at <= ${visibleSince})`;
  return sql`update freelancer_profiles set
    rating_avg = coalesce((select round(avg(r.rating) * 10) / 10.0 ${counted}), 0),
    rating_count = (select count(*) ${counted})`;
}
