/**
 * The one adapter between matching and reputation: the rating is the profile's average and count (kept up to date
 * by reviews), job success follows the reviews area's rule (reviews/job-success.ts) computed for many freelancers
 * at once, as it stood at `asOf`.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { contracts, disputes, reviews, type FreelancerProfile } from "../../../db/schema";
import type { DomainContext } from "../context";
import { freelancerLost } from "../disputes/rules";
import { jobSuccessFrom, type ContractOutcome } from "../reviews/job-success";
import { notModeratedSql, reviewsVisibleFrom } from "../reviews/rules";

export interface TrackRecord {
  ratingAvg: number;
  ratingCount: number;
  /** Ended contracts with an outcome (a visible client review or a decided dispute) by `asOf`. */
  finishedContracts: number;
  /** Of those, the positive ones: no dispute lost and a client rating (if any) of 4 or 5. */
  successfulContracts: number;
  /** Contracts in progress at `asOf`. */
  activeContracts: number;
}

/** The track-record reads for the given freelancers, to go into the caller's batch (one round trip, whatever the data). */
export function trackRecordQueries(ctx: Pick<DomainContext, "db">, freelancerIds: string[], asOf: Date) {
  const at = asOf.getTime();
  const endedOfThem = ctx.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(inArray(contracts.freelancerId, freelancerIds), eq(contracts.status, "ended")));
  return [
    ctx.db
      .select({ id: contracts.id, freelancerId: contracts.freelancerId, status: contracts.status, endedAt: contracts.endedAt })
      .from(contracts)
      .where(
        and(
          inArray(contracts.freelancerId, freelancerIds),
          inArray(contracts.status, ["active", "ended"]),
          sql`${contracts.createdAt} < ${at}`,
        ),
      ),
    ctx.db
      .select({
        contractId: reviews.contractId,
        rating: reviews.rating,
        publishedAt: reviews.publishedAt,
        createdAt: reviews.createdAt,
      })
      .from(reviews)
      .where(and(inArray(reviews.contractId, endedOfThem), eq(reviews.authorRole, "client"), notModeratedSql)),
    ctx.db
      .select({
        contractId: disputes.contractId,
        outcome: disputes.outcome,
        percent: disputes.freelancerPercent,
        resolvedAt: disputes.resolvedAt,
      })
      .from(disputes)
      .where(and(inArray(disputes.contractId, endedOfThem), eq(disputes.status, "resolved"))),
  ] as const;
}

type Queries = ReturnType<typeof trackRecordQueries>;
type TrackRecordRows = readonly [Awaited<Queries[0]>, Awaited<Queries[1]>, Awaited<Queries[2]>];

/** Track records from the rows of trackRecordQueries, as they stood at `asOf`. */
export function trackRecordsFrom(
  [rows, clientReviews, decided]: TrackRecordRows,
  profiles: Array<{ profile: Pick<FreelancerProfile, "userId" | "ratingAvg" | "ratingCount"> }>,
  asOf: Date,
): Map<string, TrackRecord> {
  const out = new Map<string, TrackRecord>();
  const at = asOf.getTime();
  const ended = rows.filter((c) => c.status === "ended" && c.endedAt !== null && c.endedAt.getTime() < at);
  const outcomesOf = new Map<string, ContractOutcome[]>();
  for (const c of ended) {
    const review = clientReviews.find((r) => r.contractId === c.id && r.createdAt.getTime() < at);
    const visible =
      review && ((review.publishedAt !== null && review.publishedAt.getTime() <= at) || at >= reviewsVisibleFrom(c.endedAt!).getTime());
    const mine = decided.filter((d) => d.contractId === c.id && d.resolvedAt !== null && d.resolvedAt.getTime() < at);
    const outcome: ContractOutcome = {
      clientRating: visible ? review.rating : null,
      disputesDecided: mine.length,
      disputesLost: mine.filter((d) => freelancerLost(d.outcome, d.percent)).length,
    };
    (outcomesOf.get(c.freelancerId) ?? outcomesOf.set(c.freelancerId, []).get(c.freelancerId)!).push(outcome);
  }
  for (const { profile } of profiles) {
    const success = jobSuccessFrom(outcomesOf.get(profile.userId) ?? []);
    out.set(profile.userId, {
      ratingAvg: profile.ratingAvg,
      ratingCount: profile.ratingCount,
      finishedContracts: success.withOutcome,
      successfulContracts: success.positive,
      activeContracts: rows.filter((c) => c.freelancerId === profile.userId && c.status === "active").length,
    });
  }
  return out;
}
