import type { Review } from "../../../db/schema";

export function toReviewView(r: Review, options: { authorName: string; includePrivateNote: boolean }) {
  return {
    id: r.id,
    contractId: r.contractId,
    authorId: r.authorId,
    authorName: options.authorName,
    authorRole: r.authorRole,
    subjectId: r.subjectId,
    rating: r.rating,
    skillRatings: r.skillRatings,
    comment: r.comment,
    ...(options.includePrivateNote ? { privateNote: r.privateNote } : {}),
    createdAt: r.createdAt.toISOString(),
  };
}
export type ReviewView = ReturnType<typeof toReviewView>;

/** When and why a moderator hid a review, or null when it is not hidden. */
export function moderationOf(r: Review): { hiddenAt: string; reason: string } | null {
  return r.hiddenAt ? { hiddenAt: r.hiddenAt.toISOString(), reason: r.hiddenReason ?? "" } : null;
}

/** A review the viewer may know exists but not read (yet, or no longer when a moderator hid it). */
export function toHiddenReview(r: Review) {
  return { id: r.id, contractId: r.contractId, authorRole: r.authorRole, hidden: true as const, createdAt: r.createdAt.toISOString() };
}

/** "4.7" style average to one decimal, from a raw mean. */
export function roundedAverage(mean: number): number {
  return Math.round(mean * 10) / 10;
}
