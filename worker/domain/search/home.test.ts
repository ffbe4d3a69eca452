import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { endContract } from "../contracts/lifecycle";
import { activeContract } from "../contracts/test-fixtures";
import { writeReview } from "../reviews/write";
import { saveFreelancerProfile } from "../profiles/freelancer";
import { closeProject, postProject } from "../projects/projects";
import { hideProject } from "../trust/moderation";
import { FEATURED_FREELANCERS, FEATURED_MIN_REVIEWS, marketplaceHome, RECENT_PROJECTS } from "./home";
import { searchProjects } from "./projects";

describe("the marketplace home", () => {
  it("counts open projects per category exactly as search does, and shows the newest first", async () => {
    const { ctx } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const admin = (await createTestUser(ctx, { roles: ["admin"] })).user;
    const countIn = async (slug: string) => (await marketplaceHome(ctx)).categories.find((c) => c.slug === slug)!.openProjects;

    const before = await countIn("legal");
    const open = await postProject(
      ctx,
      client,
      projectBody({ title: `${uniqueWord()} contract review`, category: "legal", skills: ["Contract Review"] }),
    );
    const closed = await postProject(ctx, client, projectBody({ category: "legal", skills: ["Contract Review"] }));
    const hidden = await postProject(ctx, client, projectBody({ category: "legal", skills: ["Contract Review"] }));
    await closeProject(ctx, client, closed.id);
    await hideProject(ctx, { user: admin, meta: {} }, hidden.id, { reason: "Spam" });

    const home = await marketplaceHome(ctx);
    const legal = home.categories.find((c) => c.slug === "legal")!;
    expect(legal.openProjects).toBe(before + 1);
    expect(legal.openProjects).toBe((await searchProjects(ctx, { category: "legal" })).total);
    expect(home.openProjects).toBe((await searchProjects(ctx, {})).total);
    expect(home.openProjects).toBe(home.categories.reduce((sum, c) => sum + c.openProjects, 0));

    expect(home.recentProjects.length).toBeLessThanOrEqual(RECENT_PROJECTS);
    const recentIds = home.recentProjects.map((p) => p.id);
    expect(recentIds).toContain(open.id);
    expect(recentIds).not.toContain(closed.id);
    expect(recentIds).not.toContain(hidden.id);
    const created = home.recentProjects.map((p) => p.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
  });

  it("features only well-reviewed freelancers, best rated first", async () => {
    const { ctx } = testContext(env);
    // Reviews written on ended contracts, both sides, so they show at once: the rating is what they give.
    const profileWith = async (reviews: number) => {
      const freelancer = await createTestUser(ctx, { roles: ["freelancer"] });
      await saveFreelancerProfile(ctx, freelancer.user, {
        handle: uniqueWord("h"),
        headline: "Careful TypeScript developer",
        skills: ["TypeScript"],
      });
      for (let i = 0; i < reviews; i++) {
        const work = await activeContract(ctx, { freelancer });
        await endContract(ctx, work.client, work.contractId, { reason: "Done" });
        await writeReview(ctx, work.client, work.contractId, { rating: 5, comment: "Excellent from start to end." });
        await writeReview(ctx, work.freelancer, work.contractId, { rating: 5, comment: "Clear brief." });
      }
      return freelancer.user.id;
    };
    const acclaimed = await profileWith(FEATURED_MIN_REVIEWS);
    const unproven = await profileWith(FEATURED_MIN_REVIEWS - 1);
    const home = await marketplaceHome(ctx);
    const ids = home.featuredFreelancers.map((f) => f.userId);
    // Featured, unless the list is already full of people rated at least as well (other tests share this market).
    const fullOfBest = ids.length === FEATURED_FREELANCERS && home.featuredFreelancers.every((f) => f.rating.average >= 5);
    if (!fullOfBest) expect(ids).toContain(acclaimed);
    expect(ids).not.toContain(unproven);
    for (const person of home.featuredFreelancers) expect(person.rating.count).toBeGreaterThanOrEqual(FEATURED_MIN_REVIEWS);
    const ratings = home.featuredFreelancers.map((f) => f.rating.average);
    expect([...ratings].sort((a, b) => b - a)).toEqual(ratings);
  });
});
