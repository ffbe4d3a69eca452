import { and, eq, ne } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { z } from "zod";
import { reviews, users, type User } from "../../../db/schema";
import { contractForParty } from "../contract-core/access";
import { contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { notify } from "../notifications/notify";
import { auditStatement } from "../shared/audit";
import { isUniqueViolation } from "../shared/unique-violation";
import { parseInput } from "../shared/validate";
import { writeReviewInput } from "./inputs";
import { contractReviews } from "./queries";
import { refreshProfileRatings } from "./ratings";
import { REVIEW_HIDDEN_DAYS } from "./rules";

/** What a review says, before `writeReviewInput` checks it (the API's body and the review form both arrive here). */
export type ReviewInput = z.input<typeof writeReviewInput>;

function alreadyReviewed(): AppError {
  return new AppError(409, "already_reviewed", "You already reviewed this contract.");
}

/** One review per side once the contract has ended; both show when both are written (or after the hiding period). */
export async function writeReview(ctx: DomainContext, actor: User, contractId: string, input: ReviewInput) {
  const review = parseInput(writeReviewInput, input);
  const access = await contractForParty(ctx, contractId, actor.id);
  const { contract, role } = access;
  if (contract.status !== "ended") throw new AppError(409, "invalid_state", "Reviews open once the contract has ended.");
  const subjectId = role === "client" ? contract.freelancerId : contract.clientId;
  const existing = await ctx.db.select().from(reviews).where(eq(reviews.contractId, contractId));
  if (existing.some((r) => r.authorId === actor.id)) throw alreadyReviewed();
  const other = existing.find((r) => r.authorId !== actor.id);
  const now = ctx.clock.now();
  const id = ctx.newId();
  const statements: BatchItem<"sqlite">[] = [
    ctx.db.insert(reviews).values({
      id,
      contractId,
      authorId: actor.id,
      subjectId,
      authorRole: role,
      rating: review.rating,
      skillRatings: review.skillRatings ?? [],
      comment: review.comment,
      privateNote: review.privateNote || null,
      publishedAt: other ? now : null,
      createdAt: now,
    }),
    contractEventStatement(ctx, { contractId, type: "review.written", actorId: actor.id, data: { by: role } }),
    auditStatement(ctx, { type: "reviews.written", actorId: actor.id, subjectType: "contract", subjectId: contractId }),
  ];
  if (other) {
    statements.push(
      ctx.db
        .update(reviews)
        .set({ publishedAt: now })
        .where(and(eq(reviews.contractId, contractId), ne(reviews.authorId, actor.id))),
      contractEventStatement(ctx, { contractId, type: "reviews.published", actorId: null, data: { reason: "Both sides wrote a review" } }),
    );
  }
  try {
    await ctx.db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (error) {
    if (isUniqueViolation(error, "reviews.contract_id")) throw alreadyReviewed();
    throw error;
  }
  if (other) await refreshProfileRatings(ctx, [contract.clientId, contract.freelancerId]);
  const [author] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  try {
    await notify(ctx, subjectId, "review_received", {
      title: "You received a review",
      body: other
        ? `${author?.name ?? "The other side"} reviewed your contract. Both reviews are now visible.`
        : `${author?.name ?? "The other side"} reviewed your contract. It shows once you write yours, or ${REVIEW_HIDDEN_DAYS} days after the contract ended.`,
      link: `/contracts/${contractId}/review`,
    });
  } catch (error) {
    ctx.log("review notification failed", { contractId, error: String(error) });
  }
  return contractReviews(ctx, actor, contractId);
}
