import { and, desc, eq, inArray, isNull, lt, lte, type SQL } from "drizzle-orm";
import { contracts, reviews, users, type Review, type User } from "../../../db/schema";
import { contractForParty, contractNotFound } from "../contract-core/access";
import { contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { countedReviewsSql, ratingSummaryQuery, refreshProfileRatings, toRatingSummary, type ReviewedAs } from "./ratings";
import { REVIEW_HIDDEN_MS, reviewContractJoin, reviewsVisibleFrom } from "./rules";
import { moderationOf, toHiddenReview, toReviewView } from "./view";

export const REVIEW_PAGE_MAX = 50;

async function authorNames(ctx: DomainContext, rows: Review[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.authorId))];
  if (ids.length === 0) return new Map();
  const found = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

/**
 * A contract's reviews for one of its parties (or an admin): your own in full, the other side's once visible,
 * the private note to admins only. A review a moderator hid carries `moderation` (when and why).
 */
export async function contractReviews(ctx: DomainContext, viewer: User, contractId: string) {
  const isAdmin = viewer.roles.includes("admin");
  let contract;
  let role: "client" | "freelancer" | null = null;
  try {
    const access = await contractForParty(ctx, contractId, viewer.id);
    contract = access.contract;
    role = access.role;
  } catch (error) {
    if (!isAdmin) throw error;
    [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, contractId)).limit(1);
    if (!contract) throw contractNotFound();
  }
  const rows = await ctx.db.select().from(reviews).where(eq(reviews.contractId, contractId)).orderBy(reviews.id);
  const names = await authorNames(ctx, rows);
  const now = ctx.clock.now();
  const visibleFrom = contract.endedAt ? reviewsVisibleFrom(contract.endedAt) : null;
  const bothWritten = rows.length >= 2;
  const visible = bothWritten || (visibleFrom !== null && now >= visibleFrom);
  const items = rows.map((r) => {
    // A review a moderator hid stays readable to its author and admins; its subject learns only why it is gone.
    const moderation = moderationOf(r);
    const readable = moderation ? r.authorId === viewer.id || isAdmin : visible || r.authorId === viewer.id || isAdmin;
    return readable
      ? {
          ...toReviewView(r, { authorName: names.get(r.authorId) ?? "", includePrivateNote: isAdmin }),
          hidden: false as const,
          moderation,
        }
      : { ...toHiddenReview(r), moderation };
  });
  return {
    items,
    visible,
    /** When the reviews show at the latest (the contract's end + the hiding period); null while it runs. */
    visibleFrom: visibleFrom?.toISOString() ?? null,
    viewerCanReview: role !== null && contract.status === "ended" && !rows.some((r) => r.authorId === viewer.id),
    viewerRole: role,
  };
}

/**
 * Visible reviews about a user (none a moderator hid), newest first with their authors' names, and their average
 * and count, in one role if asked (a freelancer's profile shows what clients said): the summary counts exactly the
 * reviews listed. Batchable queries for a user id or the SQL of one (see toUserReviews).
 */
export function userReviewsQueries(ctx: DomainContext, userId: string | SQL, input: { limit: number; cursor?: string; as?: ReviewedAs }) {
  const limit = Math.min(input.limit, REVIEW_PAGE_MAX);
  return [
    ctx.db
      .select({ review: reviews, authorName: users.name })
      .from(reviews)
      .innerJoin(contracts, reviewContractJoin)
      .leftJoin(users, eq(users.id, reviews.authorId))
      .where(and(countedReviewsSql(ctx, eq(reviews.subjectId, userId), input.as), input.cursor ? lt(reviews.id, input.cursor) : undefined))
      .orderBy(desc(reviews.id))
      .limit(limit + 1),
    ratingSummaryQuery(ctx, userId, input.as),
  ] as const;
}

export function toUserReviews(
  [rows, summary]: [Array<{ review: Review; authorName: string | null }>, Parameters<typeof toRatingSummary>[0]],
  input: { limit: number },
) {
  const limit = Math.min(input.limit, REVIEW_PAGE_MAX);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toReviewView(r.review, { authorName: r.authorName ?? "", includePrivateNote: false })),
    nextCursor: rows.length > limit ? page[limit - 1].review.id : null,
    summary: toRatingSummary(summary),
  };
}

/** Visible reviews about a user (in one role, if asked), newest first, with their average and count. Public. */
export async function userReviews(ctx: DomainContext, userId: string, input: { limit: number; cursor?: string; as?: ReviewedAs }) {
  const [rows, summary] = await ctx.db.batch(userReviewsQueries(ctx, userId, input));
  return toUserReviews([rows, summary], input);
}

/** Daily: publishes reviews whose hiding period is over, records it on the timeline, refreshes profile ratings. */
export async function publishDueReviews(ctx: DomainContext): Promise<{ published: number }> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: reviews.id, contractId: reviews.contractId, subjectId: reviews.subjectId })
    .from(reviews)
    .innerJoin(contracts, reviewContractJoin)
    .where(and(isNull(reviews.publishedAt), lte(contracts.endedAt, new Date(now.getTime() - REVIEW_HIDDEN_MS))))
    .limit(500);
  for (const contractId of new Set(due.map((r) => r.contractId))) {
    await ctx.db.batch([
      ctx.db
        .update(reviews)
        .set({ publishedAt: now })
        .where(and(eq(reviews.contractId, contractId), isNull(reviews.publishedAt))),
      contractEventStatement(ctx, { contractId, type: "reviews.published", actorId: null, data: { reason: "The hiding period ended" } }),
    ]);
  }
  await refreshProfileRatings(
    ctx,
    due.map((r) => r.subjectId),
  );
  return { published: due.length };
}
