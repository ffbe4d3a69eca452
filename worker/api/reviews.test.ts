import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reviews } from "../../db/schema";
import { activeContract, fundedMilestone } from "../domain/contracts/test-fixtures";
import { openDispute } from "../domain/disputes/open";
import { resolveDispute } from "../domain/disputes/resolve";
import { endContract } from "../domain/contracts/lifecycle";
import type { DomainContext } from "../domain/context";
import { runTask } from "../jobs/tasks";
import { contractReviews, userReviews } from "../domain/reviews/queries";
import { REVIEW_HIDDEN_MS } from "../domain/reviews/rules";
import { writeReview, type ReviewInput } from "../domain/reviews/write";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

async function endedContract(ctx: DomainContext, options: Parameters<typeof activeContract>[1] = {}) {
  const f = await activeContract(ctx, options);
  await endContract(ctx, f.client, f.contractId, { reason: "All done" });
  return f;
}

const review = {
  rating: 5,
  skillRatings: [{ skill: "TypeScript", rating: 5 }],
  comment: "Great to work with.",
  privateNote: "Slow to answer at times.",
};

describe("writing a review", () => {
  it("checks the review with its schema in the domain, for every caller, and writes nothing it refuses", async () => {
    const { ctx } = testContext(env);
    const f = await endedContract(ctx);
    const refusals: Array<[ReviewInput, Record<string, string[]>]> = [
      [{ ...review, rating: 0 }, { rating: ["Rate from 1 to 5."] }],
      [{ ...review, comment: "  " }, { comment: ["Write a few words about working together."] }],
      [
        {
          ...review,
          skillRatings: [
            { skill: "TypeScript", rating: 5 },
            { skill: "typescript", rating: 4 },
          ],
        },
        { skillRatings: ["Rate each skill once."] },
      ],
    ];
    for (const [input, fields] of refusals) {
      await expect(writeReview(ctx, f.client, f.contractId, input)).rejects.toMatchObject({
        status: 422,
        code: "validation_failed",
        fields,
      });
    }
    expect(await ctx.db.select().from(reviews).where(eq(reviews.contractId, f.contractId))).toHaveLength(0);
    await writeReview(ctx, f.client, f.contractId, { ...review, comment: "  Trimmed by the schema.  ", privateNote: "  " });
    const [written] = await ctx.db.select().from(reviews).where(eq(reviews.contractId, f.contractId));
    expect(written).toMatchObject({ comment: "Trimmed by the schema.", privateNote: null });
  });
});

describe("review API", () => {
  it("keeps strangers out, refuses reviews before the end, and allows one per side", async () => {
    const { ctx } = testContext(env);
    const running = await activeContract(ctx);
    const early = await call(`/api/contracts/${running.contractId}/reviews`, { token: running.clientToken, body: review });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("invalid_state");

    const f = await endedContract(ctx);
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    expect((await call(`/api/contracts/${f.contractId}/reviews`, { body: review })).status).toBe(401);
    for (const init of [{ body: review }, {}]) {
      const res = await call(`/api/contracts/${f.contractId}/reviews`, { ...init, token: stranger.accessToken });
      expect(res.status).toBe(404);
    }
    for (const bad of [
      { ...review, rating: 0 },
      { ...review, rating: 6 },
      { ...review, rating: 4.5 },
      { ...review, comment: "" },
    ]) {
      expect((await call(`/api/contracts/${f.contractId}/reviews`, { token: f.clientToken, body: bad })).status).toBe(422);
    }
    expect(await ctx.db.select().from(reviews).where(eq(reviews.contractId, f.contractId))).toHaveLength(0);

    const first = await call(`/api/contracts/${f.contractId}/reviews`, { token: f.clientToken, body: review });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      visible: false,
      viewerCanReview: false,
      items: [expect.objectContaining({ rating: 5, hidden: false })],
    });
    const second = await call(`/api/contracts/${f.contractId}/reviews`, { token: f.clientToken, body: { ...review, rating: 1 } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("already_reviewed");
    expect(await ctx.db.select().from(reviews).where(eq(reviews.contractId, f.contractId))).toHaveLength(1);
  });

  it("hides a review until both sides wrote, and shows the private note to admins only", async () => {
    const { ctx } = testContext(env);
    const f = await endedContract(ctx);
    await call(`/api/contracts/${f.contractId}/reviews`, { token: f.clientToken, body: { ...review, rating: 4 } });

    const seenByFreelancer = await call(`/api/contracts/${f.contractId}/reviews`, { token: f.freelancerToken });
    expect(seenByFreelancer.body).toMatchObject({ visible: false, viewerCanReview: true });
    expect(seenByFreelancer.body.items).toEqual([expect.objectContaining({ hidden: true, authorRole: "client" })]);
    expect(seenByFreelancer.body.items[0]).not.toHaveProperty("rating");
    const publicBefore = await call(`/api/users/${f.freelancer.id}/reviews`);
    expect(publicBefore.body).toMatchObject({ items: [], summary: { average: 0, count: 0 } });

    const answer = await call(`/api/contracts/${f.contractId}/reviews`, {
      token: f.freelancerToken,
      body: { rating: 3, comment: "Clear brief, late payments." },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.visible).toBe(true);
    expect(answer.body.items.map((r: { rating: number }) => r.rating).sort()).toEqual([3, 4]);
    for (const item of answer.body.items) expect(item).not.toHaveProperty("privateNote");

    const publicAfter = await call(`/api/users/${f.freelancer.id}/reviews`);
    expect(publicAfter.status).toBe(200);
    expect(publicAfter.body).toMatchObject({ summary: { average: 4, count: 1 }, nextCursor: null });
    expect(publicAfter.body.items).toEqual([expect.objectContaining({ rating: 4, authorRole: "client", comment: review.comment })]);
    expect(publicAfter.body.items[0]).not.toHaveProperty("privateNote");

    const admin = await createTestUser(env, { roles: ["admin"] });
    const adminView = await call(`/api/contracts/${f.contractId}/reviews`, { token: admin.accessToken });
    expect(adminView.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ privateNote: review.privateNote })]));
  });

  it("shows a one-sided review 14 days after the end, by the clock, and the daily run publishes it", async () => {
    const start = new Date("2033-02-01T10:00:00Z");
    const { ctx, clock } = testContext(env, { now: start });
    const client = await createTestUser(ctx, { roles: ["client"] });
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    for (const rating of [5, 4, 4]) {
      const f = await endedContract(ctx, { client, freelancer });
      await writeReview(ctx, f.client, f.contractId, { rating, comment: "Solid work." });
    }
    clock.advance(REVIEW_HIDDEN_MS - 60_000);
    expect((await userReviews(ctx, freelancer.user.id, { limit: 10 })).summary.count).toBe(0);
    clock.advance(2 * 60_000);
    const visible = await userReviews(ctx, freelancer.user.id, { limit: 2 });
    // (5 + 4 + 4) / 3 = 4.33 -> 4.3
    expect(visible.summary).toEqual({ average: 4.3, count: 3 });
    expect(visible.items).toHaveLength(2);
    const rest = await userReviews(ctx, freelancer.user.id, { limit: 2, cursor: visible.nextCursor ?? undefined });
    expect(rest).toMatchObject({ nextCursor: null, items: [expect.objectContaining({ rating: 5 })] });

    await runTask(ctx, "daily.digest");
    const rows = await ctx.db.select().from(reviews).where(eq(reviews.subjectId, freelancer.user.id));
    expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
    const [one] = rows;
    const seen = await contractReviews(ctx, freelancer.user, one.contractId);
    expect(seen).toMatchObject({ visible: true, viewerCanReview: true });
  });

  it("works out job success from visible client ratings and lost disputes, as the formula says", async () => {
    const { ctx } = testContext(env);
    const client = await createTestUser(ctx, { roles: ["client"] });
    const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
    const admin = await createTestUser(ctx, { roles: ["admin"] });
    const reviewBoth = async (clientRating: number) => {
      const f = await endedContract(ctx, { client, freelancer });
      await writeReview(ctx, f.client, f.contractId, { rating: clientRating, comment: "Done." });
      await writeReview(ctx, f.freelancer, f.contractId, { rating: 5, comment: "Done." });
    };
    await reviewBoth(5); // good
    await reviewBoth(2); // not good
    const lost = await fundedMilestone(ctx, 10_000, { client, freelancer });
    const dispute = await openDispute(ctx, lost.client, lost.milestoneId, { text: "Nothing was delivered." });
    await resolveDispute(ctx, admin.user, dispute.id, { outcome: "refund", note: "No delivery." });
    await endContract(ctx, lost.client, lost.contractId, { reason: "Refunded" }); // not good: dispute lost
    await endedContract(ctx, { client, freelancer }); // no outcome: no review, no dispute
    const hidden = await endedContract(ctx, { client, freelancer });
    await writeReview(ctx, hidden.client, hidden.contractId, { rating: 5, comment: "Hidden for now." }); // no outcome yet

    const res = await call(`/api/users/${freelancer.user.id}/job-success`);
    expect(res.status).toBe(200);
    // 1 good of 3 with an outcome = 33.3% -> 33.
    expect(res.body.jobSuccess).toEqual({ score: 33, positive: 1, withOutcome: 3, minimum: 3 });
  });
});
