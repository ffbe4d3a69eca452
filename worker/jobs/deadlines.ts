import type { DomainContext } from "../domain/context";
import { publishDueReviews } from "../domain/reviews/queries";
import { decideUnansweredDisputes } from "../domain/disputes/resolve";

/** The daily run's deadline steps: unanswered disputes decided by default, hidden reviews published. */
export async function disputeAndReviewDeadlines(ctx: DomainContext): Promise<string> {
  const disputes = await decideUnansweredDisputes(ctx);
  const reviews = await publishDueReviews(ctx);
  return `decided ${disputes.decided} unanswered disputes (${disputes.failed} failed); published ${reviews.published} reviews`;
}
