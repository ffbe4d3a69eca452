import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { testContext } from "../../test-support/context";
import { uniqueWord } from "../../test-support/market";
import { createTestUser } from "../../test-support/users";
import type { DomainContext } from "../context";
import { saveFreelancerProfile } from "../profiles/freelancer";
import type { FreelancerProfileInput } from "../profiles/input";
import { freelancerProfiles } from "../../../db/schema";
import { eq } from "drizzle-orm";
import { searchFreelancers, type FreelancerSearchInput } from "./freelancers";

async function freelancer(ctx: DomainContext, input: FreelancerProfileInput, rating = 0) {
  const { user } = await createTestUser(ctx, { roles: ["freelancer"] });
  const saved = await saveFreelancerProfile(ctx, user, { handle: uniqueWord("f"), ...input });
  await ctx.db.update(freelancerProfiles).set({ ratingAvg: rating }).where(eq(freelancerProfiles.userId, user.id));
  return saved.userId;
}

describe("searching freelancers", () => {
  it("matches headline, bio and skills (aliases too) and filters by skills, rate, country, availability and rating", async () => {
    const { ctx } = testContext(env);
    const word = uniqueWord();
    const a = await freelancer(
      ctx,
      {
        headline: `${word} React specialist`,
        skills: ["React", "JavaScript"],
        hourlyRate: 5_000,
        country: "PK",
        availabilityHoursPerWeek: 40,
      },
      4.9,
    );
    const b = await freelancer(
      ctx,
      {
        headline: "Data person",
        bio: `I love ${word} pipelines`,
        skills: ["Python", "PostgreSQL"],
        hourlyRate: 9_000,
        country: "US",
        availabilityHoursPerWeek: 10,
      },
      4.1,
    );
    const ids = async (input: FreelancerSearchInput) => (await searchFreelancers(ctx, { q: word, ...input })).items.map((f) => f.userId);
    expect(await ids({})).toEqual([a, b]);
    expect(await ids({ skills: "JS" })).toEqual([a]);
    expect(await ids({ q: `${word} postgres` })).toEqual([b]);
    expect(await ids({ rateMax: 6_000 })).toEqual([a]);
    expect(await ids({ rateMin: 6_000 })).toEqual([b]);
    expect(await ids({ country: "us" })).toEqual([b]);
    expect(await ids({ availability: 20 })).toEqual([a]);
    expect(await ids({ rating: 4.5 })).toEqual([a]);
    expect(await ids({ sort: "rate_high" })).toEqual([b, a]);
    expect(await ids({ sort: "rate_low" })).toEqual([a, b]);
    expect((await searchFreelancers(ctx, { q: word })).total).toBe(2);
  });

  it("pages by rating without duplicates or gaps, and survives FTS syntax", async () => {
    const { ctx } = testContext(env);
    const word = uniqueWord();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await freelancer(ctx, { headline: `${word} designer ${i}`, skills: ["Figma"] }, i === 2 ? 3 : 4));
    for (const sort of ["rating", "relevance", "newest"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchFreelancers(ctx, { q: word, sort, limit: 2, cursor });
        expect(page.total).toBe(5);
        seen.push(...page.items.map((f) => f.userId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual([...made].sort());
    }
    for (const q of ['"foo AND (bar', "NEAR(", "*", "a:b"]) expect((await searchFreelancers(ctx, { q })).items).toBeInstanceOf(Array);
  });
});
