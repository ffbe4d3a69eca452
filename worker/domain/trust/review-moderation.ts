import { and, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { reviews, users, type Review } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { escapeLike } from "../messaging/messages";
import { notify } from "../notifications/notify";
import { auditStatement } from "../shared/audit";
import { refreshProfileRatings } from "../reviews/ratings";
import { auditMeta, pageLimit, requireAdmin, type AdminActor } from "../auth/admin";
import type { ReviewModerationStatus } from "./values";

export { REVIEW_MODERATION_STATUSES, type ReviewModerationStatus } from "./values";

type Person = { id: string; name: string } | null;

export function toReviewModerationView(r: Review, people: { author: Person; subject: Person }) {
  return {
    id: r.id,
    contractId: r.contractId,
    authorId: r.authorId,
    author: people.author,
    subjectId: r.subjectId,
    subject: people.subject,
    authorRole: r.authorRole,
    rating: r.rating,
    comment: r.comment,
    privateNote: r.privateNote,
    /** Both sides wrote, or the daily run published it after the waiting period. */
    published: r.publishedAt !== null,
    hidden: r.hiddenAt !== null,
    hiddenAt: r.hiddenAt?.toISOString() ?? null,
    hiddenReason: r.hiddenReason,
    hiddenBy: r.hiddenBy,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ReviewModerationView = ReturnType<typeof toReviewModerationView>;

const author = alias(users, "review_author");
const subject = alias(users, "review_subject");

async function loadViews(ctx: DomainContext, where: SQL | undefined, limit: number) {
  const rows = await ctx.db
    .select({ review: reviews, author: { id: author.id, name: author.name }, subject: { id: subject.id, name: subject.name } })
    .from(reviews)
    .leftJoin(author, eq(author.id, reviews.authorId))
    .leftJoin(subject, eq(subject.id, reviews.subjectId))
    .where(where)
    .orderBy(desc(reviews.id))
    .limit(limit);
  return rows.map((r) => ({ review: r.review, view: toReviewModerationView(r.review, { author: r.author, subject: r.subject }) }));
}

/**
 * Reviews for moderation, newest first: all, only visible (not hidden by an admin) or only hidden; optionally
 * by a user (as author or subject) or by words in the comment (or a review id).
 */
export async function listReviewsForModeration(
  ctx: DomainContext,
  actor: AdminActor,
  input: { status?: ReviewModerationStatus; userId?: string; q?: string; cursor?: string; limit?: number },
) {
  requireAdmin(actor);
  const limit = pageLimit(input.limit);
  const where: SQL[] = [];
  if (input.status) where.push(input.status === "hidden" ? isNotNull(reviews.hiddenAt) : isNull(reviews.hiddenAt));
  if (input.userId) where.push(or(eq(reviews.authorId, input.userId), eq(reviews.subjectId, input.userId))!);
  if (input.q) where.push(or(sql`${reviews.comment} like ${`%${escapeLike(input.q)}%`} escape '\\'`, eq(reviews.id, input.q))!);
  if (input.cursor) where.push(lt(reviews.id, input.cursor));
  const rows = await loadViews(ctx, and(...where), limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map((r) => r.view), nextCursor: rows.length > limit ? page[page.length - 1].review.id : null };
}

async function requireReview(ctx: DomainContext, id: string) {
  const [row] = await loadViews(ctx, eq(reviews.id, id), 1);
  if (!row) throw new AppError(404, "not_found", "No such review.");
  return row;
}

/** Tells the review's author and subject; a failing notification never undoes the moderation. */
async function tellParties(ctx: DomainContext, review: Review, hidden: boolean, reason: string) {
  const link = `/contracts/${review.contractId}/review`;
  const messages: Array<[string, string]> = hidden
    ? [
        [
          review.authorId,
          `A moderator hid your review (${review.rating}/5). It no longer shows on profiles or counts in ratings. Reason: ${reason}`,
        ],
        [
          review.subjectId,
          `A moderator hid a review about you (${review.rating}/5). It no longer shows on your profile or counts in your rating. Reason: ${reason}`,
        ],
      ]
    : [
        [review.authorId, `A moderator showed your review (${review.rating}/5) again. Reason: ${reason}`],
        [
          review.subjectId,
          `A moderator showed a review about you (${review.rating}/5) again. It counts in your rating again. Reason: ${reason}`,
        ],
      ];
  for (const [userId, body] of messages) {
    try {
      await notify(ctx, userId, "review_moderated", {
        title: hidden ? "A review was hidden by a moderator" : "A review was shown again by a moderator",
        body,
        link,
      });
    } catch (error) {
      ctx.log("review moderation notification failed", { reviewId: review.id, userId, error: String(error) });
    }
  }
}

/**
 * Hides a review: it leaves profiles and review lists and stops counting in averages, counts and job success.
 * The change and its audit entry are one batch; the profile's rating columns follow; both parties are told why.
 */
export async function hideReview(ctx: DomainContext, actor: AdminActor, reviewId: string, input: { reason: string }) {
  requireAdmin(actor);
  const { review } = await requireReview(ctx, reviewId);
  if (review.hiddenAt) throw new AppError(409, "already_hidden", "This review is already hidden.");
  await ctx.db.batch([
    ctx.db
      .update(reviews)
      .set({ hiddenAt: ctx.clock.now(), hiddenReason: input.reason, hiddenBy: actor.user.id })
      .where(eq(reviews.id, reviewId)),
    auditStatement(ctx, {
      type: "admin.review_hidden",
      ...auditMeta(actor),
      subjectType: "review",
      subjectId: reviewId,
      data: { reason: input.reason, contractId: review.contractId, authorId: review.authorId, subjectId: review.subjectId },
    }),
  ]);
  await refreshProfileRatings(ctx, [review.subjectId]);
  await tellParties(ctx, review, true, input.reason);
  return (await requireReview(ctx, reviewId)).view;
}

/** Shows a hidden review again (where it would show anyway); it counts in ratings and job success again. */
export async function unhideReview(ctx: DomainContext, actor: AdminActor, reviewId: string, input: { reason: string }) {
  requireAdmin(actor);
  const { review } = await requireReview(ctx, reviewId);
  if (!review.hiddenAt) throw new AppError(409, "not_hidden", "This review is not hidden.");
  await ctx.db.batch([
    ctx.db.update(reviews).set({ hiddenAt: null, hiddenReason: null, hiddenBy: null }).where(eq(reviews.id, reviewId)),
    auditStatement(ctx, {
      type: "admin.review_unhidden",
      ...auditMeta(actor),
      subjectType: "review",
      subjectId: reviewId,
      data: { reason: input.reason, previousReason: review.hiddenReason, subjectId: review.subjectId },
    }),
  ]);
  await refreshProfileRatings(ctx, [review.subjectId]);
  await tellParties(ctx, review, false, input.reason);
  return (await requireReview(ctx, reviewId)).view;
}
