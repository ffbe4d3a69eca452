import { and, eq, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { contracts, reviews } from "../../../db/schema";
import { REVIEW_HIDDEN_MS } from "./periods";

export { REVIEW_HIDDEN_DAYS, REVIEW_HIDDEN_MS } from "./periods";

/** When an ended contract's reviews show at the latest. */
export function reviewsVisibleFrom(endedAt: Date): Date {
  return new Date(endedAt.getTime() + REVIEW_HIDDEN_MS);
}

/** Not hidden by an admin: moderated reviews count nowhere (lists, averages, counts, job success). */
export const notModeratedSql = isNull(reviews.hiddenAt);

/**
 * Visible now: not hidden by moderation, and published (both sides wrote) or the hiding period is over by the
 * clock, whether or not the daily run has published it yet. Needs `contracts` joined.
 */
export function reviewVisibleSql(now: Date): SQL {
  return and(
    notModeratedSql,
    or(isNotNull(reviews.publishedAt), lte(contracts.endedAt, new Date(now.getTime() - REVIEW_HIDDEN_MS))),
  ) as SQL;
}

export const reviewContractJoin = eq(contracts.id, reviews.contractId);
export const byAuthor = (contractId: string, authorId: string) => and(eq(reviews.contractId, contractId), eq(reviews.authorId, authorId));
