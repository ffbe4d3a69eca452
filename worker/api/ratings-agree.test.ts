import { env, SELF } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contracts, freelancerProfiles } from "../../db/schema";
import { endContract } from "../domain/contracts/lifecycle";
import { activeContract } from "../domain/contracts/test-fixtures";
import { saveFreelancerProfile } from "../domain/profiles/freelancer";
import { publishDueReviews } from "../domain/reviews/queries";
import { REVIEW_HIDDEN_MS } from "../domain/reviews/rules";
import { writeReview } from "../domain/reviews/write";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { uniqueWord } from "../test-support/market";
import { createTestUser } from "../test-support/users";

const { ctx } = testContext(env);

/** The profile page as a visitor reads it. */
async function profileText(handle: string): Promise<string> {
  const res = await SELF.fetch(`http://localhost/f/${handle}`, { headers: { "User-Agent": "Googlebot" } });
  expect(res.status).toBe(200);
  return (await res.text())
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/**
 * A freelancer with work reviewed by clients and, as a client of someone else, a review of their own hiring:
 * contract A (both reviewed: 5 stars, visible), contract B (the client's 4 stars, hidden while its 14 days run),
 * and a contract where they hired and got 1 star as a client.
 */
async function reviewedFreelancer() {
  const freelancer = await createTestUser(env, { roles: ["freelancer", "client"] });
  const handle = uniqueWord("rate");
  await saveFreelancerProfile(ctx, freelancer.user, { handle, headline: `Careful developer ${handle}`, skills: ["TypeScript"] });
  const a = await activeContract(ctx, { freelancer });
  await endContract(ctx, a.client, a.contractId, { reason: "Done" });
  await writeReview(ctx, a.client, a.contractId, { rating: 5, comment: "Excellent from start to end." });
  await writeReview(ctx, a.freelancer, a.contractId, { rating: 5, comment: "Clear brief." });
  const b = await activeContract(ctx, { freelancer });
  await endContract(ctx, b.client, b.contractId, { reason: "Done" });
  await writeReview(ctx, b.client, b.contractId, { rating: 4, comment: "Good, a little late." });
  const hired = await activeContract(ctx, { client: freelancer });
  await endContract(ctx, hired.freelancer, hired.contractId, { reason: "Done" });
  await writeReview(ctx, hired.freelancer, hired.contractId, { rating: 1, comment: "Never answered messages." });
  await writeReview(ctx, hired.client, hired.contractId, { rating: 3, comment: "Fine." });
  return { freelancer, handle, hiddenContractId: b.contractId };
}

describe("one truth for ratings", () => {
  it("the profile's rating, its review list and its search card count the same visible reviews of their work", async () => {
    const { freelancer, handle, hiddenContractId } = await reviewedFreelancer();
    let text = await profileText(handle);
    expect(text).toContain("Rated 5.0 out of 5 from 1 review");
    expect(text).toContain("5.0 / 5 Average of 1 visible review");
    // What they got as a client is not part of their freelance record.
    expect(text).not.toContain("Never answered messages.");
    expect(text).toContain("Excellent from start to end.");
    expect(text).toContain("No job success score yet");
    expect(text).not.toContain("No reviews yet");

    const reviews = await call(`/api/users/${freelancer.user.id}/reviews?as=freelancer`);
    expect(reviews.body.summary).toEqual({ average: 5, count: 1 });
    expect(reviews.body.items).toHaveLength(1);
    const all = await call(`/api/users/${freelancer.user.id}/reviews`);
    expect(all.body.summary).toEqual({ average: 3, count: 2 });

    // The hiding period of contract B runs out; the daily publishing has not run yet, so the search columns lag.
    await ctx.db
      .update(contracts)
      .set({ endedAt: new Date(Date.now() - REVIEW_HIDDEN_MS - 60_000) })
      .where(eq(contracts.id, hiddenContractId));
    const [stale] = await ctx.db.select().from(freelancerProfiles).where(eq(freelancerProfiles.userId, freelancer.user.id));
    expect(stale).toMatchObject({ ratingAvg: 5, ratingCount: 1 });
    text = await profileText(handle);
    expect(text).toContain("Rated 4.5 out of 5 from 2 reviews");
    expect(text).toContain("4.5 / 5 Average of 2 visible reviews");
    expect(text).toContain("Good, a little late.");
    const found = await call(`/api/freelancers?q=${handle}`);
    expect(found.status).toBe(200);
    expect(found.body.items.find((f: { handle: string }) => f.handle === handle)?.rating).toEqual({ average: 4.5, count: 2 });

    await publishDueReviews(ctx);
    const [fresh] = await ctx.db.select().from(freelancerProfiles).where(eq(freelancerProfiles.userId, freelancer.user.id));
    expect(fresh).toMatchObject({ ratingAvg: 4.5, ratingCount: 2 });
  });

  it("job success and the rating speak of the same reviews once there are enough", async () => {
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const handle = uniqueWord("js");
    await saveFreelancerProfile(ctx, freelancer.user, { handle, headline: "Steady designer", skills: ["Figma"] });
    for (const rating of [5, 4, 3]) {
      const f = await activeContract(ctx, { freelancer });
      await endContract(ctx, f.client, f.contractId, { reason: "Done" });
      await writeReview(ctx, f.client, f.contractId, { rating, comment: `Rated ${rating} for this one.` });
      await writeReview(ctx, f.freelancer, f.contractId, { rating: 5, comment: "Good client." });
    }
    const text = await profileText(handle);
    expect(text).toContain("Rated 4.0 out of 5 from 3 reviews");
    expect(text).toContain("67% job success");
    expect(text).toContain("2 of 3 contracts with a good outcome");
    const counted = await ctx.db.run(sql`select rating_avg, rating_count from freelancer_profiles where user_id = ${freelancer.user.id}`);
    expect(counted.rows[0]).toMatchObject({ rating_avg: 4, rating_count: 3 });
  });
});
