import { and, eq, type SQL } from "drizzle-orm";
import { contracts, disputes, reviews } from "../../../db/schema";
import type { DomainContext } from "../context";
import { freelancerLost } from "../disputes/rules";
import { notModeratedSql, reviewsVisibleFrom } from "./rules";

/** Below this many contracts with an outcome, no figure is shown (too few to mean anything). */
export const JOB_SUCCESS_MIN_CONTRACTS = 3;
/** A client rating at or above this counts as a good outcome. */
export const JOB_SUCCESS_GOOD_RATING = 4;

/** What one ended contract contributes; every input is something the freelancer can see. */
export interface ContractOutcome {
  /** The client's rating, once visible; null when there is none (yet). */
  clientRating: number | null;
  /** Disputes on the contract that were decided. */
  disputesDecided: number;
  /** Decided disputes the freelancer lost (all refunded, or a split giving them under half). */
  disputesLost: number;
}

export interface JobSuccess {
  /** Whole percent, or null while fewer than JOB_SUCCESS_MIN_CONTRACTS contracts have an outcome. */
  score: number | null;
  positive: number;
  withOutcome: number;
  minimum: number;
}

/**
 * Job success = positive ÷ contracts with an outcome, as a whole percent (rounded half up).
 * A contract has an outcome when the client's review is visible or a dispute on it was decided; a review an
 * admin hid counts as no review.
 * It is positive when no dispute on it was lost and the client's rating (if any) is 4 or 5.
 */
export function jobSuccessFrom(outcomes: ContractOutcome[]): JobSuccess {
  let positive = 0;
  let withOutcome = 0;
  for (const o of outcomes) {
    if (o.clientRating === null && o.disputesDecided === 0) continue;
    withOutcome++;
    if (o.disputesLost === 0 && (o.clientRating === null || o.clientRating >= JOB_SUCCESS_GOOD_RATING)) positive++;
  }
  const score = withOutcome >= JOB_SUCCESS_MIN_CONTRACTS ? Math.floor((positive * 100) / withOutcome + 0.5) : null;
  return { score, positive, withOutcome, minimum: JOB_SUCCESS_MIN_CONTRACTS };
}

/** What job success is computed from, as batchable queries for a freelancer id or the SQL of one. */
export function jobSuccessQueries(ctx: DomainContext, freelancerId: string | SQL) {
  return [
    ctx.db
      .select({ id: contracts.id, endedAt: contracts.endedAt })
      .from(contracts)
      .where(and(eq(contracts.freelancerId, freelancerId), eq(contracts.status, "ended"))),
    ctx.db
      .select({ contractId: reviews.contractId, rating: reviews.rating, publishedAt: reviews.publishedAt })
      .from(reviews)
      .innerJoin(contracts, eq(contracts.id, reviews.contractId))
      .where(and(eq(contracts.freelancerId, freelancerId), eq(reviews.authorRole, "client"), notModeratedSql)),
    ctx.db
      .select({ contractId: disputes.contractId, outcome: disputes.outcome, percent: disputes.freelancerPercent })
      .from(disputes)
      .innerJoin(contracts, eq(contracts.id, disputes.contractId))
      .where(and(eq(contracts.freelancerId, freelancerId), eq(disputes.status, "resolved"))),
  ] as const;
}

/** The freelancer's job success from their ended contracts, visible (not hidden) client reviews and decided disputes. */
export async function jobSuccessFor(ctx: DomainContext, freelancerId: string): Promise<JobSuccess> {
  return toJobSuccess(ctx, await ctx.db.batch(jobSuccessQueries(ctx, freelancerId)));
}

type JobSuccessRows = readonly [
  Array<{ id: string; endedAt: Date | null }>,
  Array<{ contractId: string; rating: number; publishedAt: Date | null }>,
  Array<{ contractId: string; outcome: Parameters<typeof freelancerLost>[0]; percent: Parameters<typeof freelancerLost>[1] }>,
];

export function toJobSuccess(ctx: DomainContext, [ended, clientReviews, decided]: JobSuccessRows): JobSuccess {
  const now = ctx.clock.now();
  const outcomes = ended.map((c): ContractOutcome => {
    const review = clientReviews.find((r) => r.contractId === c.id);
    const visible = review && (review.publishedAt !== null || (c.endedAt !== null && now >= reviewsVisibleFrom(c.endedAt)));
    const mine = decided.filter((d) => d.contractId === c.id);
    return {
      clientRating: visible ? review.rating : null,
      disputesDecided: mine.length,
      disputesLost: mine.filter((d) => freelancerLost(d.outcome, d.percent)).length,
    };
  });
  return jobSuccessFrom(outcomes);
}
