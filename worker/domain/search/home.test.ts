import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { freelancerProfiles } from "../../../db/schema";
import { saveFreelancerProfile } from "../profiles/freelancer";
import { closeProject, postProject } from "../projects/projects";
import { hideProject } from "../trust/moderation";
import { FEATURED_MIN_REVIEWS, marketplaceHome, RECENT_PROJECTS } from "./home";
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
    const profileWith = async (rating: { ratingAvg: number; ratingCount: number }) => {
      const user = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
      await saveFreelancerProfile(ctx, user, { handle: uniqueWord("h"), headline: "Careful TypeScript developer", skills: ["TypeScript"] });
      // The columns the reviews keep (reviews/ratings.ts), set directly: writing a thousand reviews proves nothing more here.
      await ctx.db.update(freelancerProfiles).set(rating).where(eq(freelancerProfiles.userId, user.id));
      return user.id;
    };
    const acclaimed = await profileWith({ ratingAvg: 5, ratingCount: 1000 });
    const unproven = await profileWith({ ratingAvg: 5, ratingCount: FEATURED_MIN_REVIEWS - 1 });
    const home = await marketplaceHome(ctx);
    const ids = home.featuredFreelancers.map((f) => f.userId);
    expect(ids).toContain(acclaimed);
    expect(ids).not.toContain(unproven);
    for (const person of home.featuredFreelancers) expect(person.rating.count).toBeGreaterThanOrEqual(FEATURED_MIN_REVIEWS);
    const ratings = home.featuredFreelancers.map((f) => f.rating.average);
    expect([...ratings].sort((a, b) => b - a)).toEqual(ratings);
  });
});
