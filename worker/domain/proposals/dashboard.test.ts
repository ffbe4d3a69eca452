import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { coverLetter, projectBody, uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import { saveFreelancerProfile } from "../profiles/freelancer";
import { postProject } from "../projects/projects";
import { freelancerDashboard, recommendProjects } from "./dashboard";
import { sendProposal } from "./send";

describe("recommended projects", () => {
  it("ranks by skill overlap, then newest, and skips projects already applied to", async () => {
    const { ctx, clock } = testContext(env);
    const client = (await createTestUser(ctx, { roles: ["client"] })).user;
    const me = (await createTestUser(ctx, { roles: ["freelancer"] })).user;
    await saveFreelancerProfile(ctx, me, {
      handle: uniqueWord("r"),
      headline: "Audio restoration engineer",
      skills: ["Audio Restoration", "Beat Making"],
    });
    clock.advance(10_000 * 24 * 60 * 60 * 1000);
    const single: string[] = [];
    for (let i = 0; i < 11; i++) {
      clock.advance(1000);
      single.push(
        (await postProject(ctx, client, projectBody({ category: "music-audio", skills: ["Audio Restoration", "Songwriting"] }))).id,
      );
    }
    clock.advance(1000);
    const double = await postProject(ctx, client, projectBody({ category: "music-audio", skills: ["Audio Restoration", "Beat Making"] }));
    await sendProposal(ctx, me, single[10], { coverLetter: coverLetter(), bidAmount: 100_000, estimatedDays: 4 });

    const recommended = await recommendProjects(ctx, me, 5);
    expect(recommended.map((p) => p.id)).toEqual([double.id, single[9], single[8], single[7], single[6]]);
    expect(recommended.map((p) => p.matchedSkills)).toEqual([2, 1, 1, 1, 1]);

    const dashboard = await freelancerDashboard(ctx, me);
    expect(dashboard.hasProfile).toBe(true);
    expect(dashboard.stats).toMatchObject({ total: 1, pending: 1 });
    expect(dashboard.recommendedProjects[0].id).toBe(double.id);
    await expect(freelancerDashboard(ctx, client)).rejects.toMatchObject({ status: 403 });
  });
});
