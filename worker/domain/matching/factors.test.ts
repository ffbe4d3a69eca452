import { describe, expect, it } from "vitest";
import {
  activityFit,
  availabilityFit,
  bayesianRating,
  budgetFit,
  countMentions,
  jobSuccessFit,
  ratingFit,
  skillCentrality,
  skillFit,
  timezoneFit,
  utcOffsetMinutes,
  type TaxonomySkill,
} from "./factors";
import { combineFactors } from "./score";
import { MATCH_WEIGHTS } from "./weights";

const skill = (slug: string, name: string, aliases: string[] = [], related: string[] = []): TaxonomySkill => ({
  slug,
  name,
  aliases,
  related,
});
const react = skill("react", "React", ["reactjs"], ["javascript", "typescript", "redux"]);
const typescript = skill("typescript", "TypeScript", ["ts"], ["javascript"]);
const redux = skill("redux", "Redux", ["rtk"], ["react"]);
const javascript = skill("javascript", "JavaScript", ["js"], ["typescript"]);
const figma = skill("figma", "Figma", [], []);

describe("skill centrality and fit", () => {
  it("counts whole-word mentions of a name or alias, longest term first", () => {
    expect(countMentions("React, reactjs and ReactDOM", ["React", "reactjs"])).toBe(2);
    expect(countMentions("We need C# and .NET", ["C#"])).toBe(1);
    expect(countMentions("React Native app, not React", ["React Native", "React"])).toBe(2);
    expect(countMentions("nothing here", ["React"])).toBe(0);
  });

  it("weighs a skill 1 + 2 when in the title + one per description mention (at most 3)", () => {
    const weighted = skillCentrality(
      { title: "React dashboard", description: "Built with React and TypeScript. React hooks, reactjs, React again." },
      [react, typescript, redux],
    );
    // react: 1 + 2 (title) + min(3, 4 mentions) = 6; typescript: 1 + 0 + 1 = 2; redux: 1.
    expect(weighted.map((s) => [s.slug, s.weight])).toEqual([
      ["react", 6],
      ["typescript", 2],
      ["redux", 1],
    ]);
  });

  it("gives full credit for a skill held and half for a related one, weighted by centrality", () => {
    const project = [
      { ...react, weight: 5 },
      { ...typescript, weight: 2 },
      { ...redux, weight: 1 },
    ];
    // React held (5); TypeScript via React, the first related skill held (2 × 0.5); Redux via React (1 × 0.5): 6.5 / 8.
    const fit = skillFit(project, [react, javascript]);
    expect(fit.score).toBeCloseTo(6.5 / 8, 10);
    expect(fit.text).toBe("Knows React (1 of 3 key skills); related: React for TypeScript and React for Redux");
    const all = skillFit(project, [react, typescript, redux]);
    expect(all.score).toBe(1);
    expect(all.text).toBe("Knows React, TypeScript and Redux (3 of 3 key skills)");
    const none = skillFit(project, [figma]);
    expect(none.score).toBe(0);
    expect(none.text).toBe("Has none of the project's 3 skills");
    expect(skillFit([], [react]).score).toBe(0.5);
  });
});

describe("budget fit", () => {
  const hourly = { budgetType: "hourly" as const, budgetMin: 5_000, budgetMax: 8_000, currency: "USD", duration: null };
  it("hourly: 1 inside the range, 0.9 below, falling by 2 × the share above the top", () => {
    expect(budgetFit({ amount: 6_000, currency: "USD" }, hourly)).toEqual({ score: 1, text: "Rate $60/h fits the $50–$80 budget" });
    expect(budgetFit({ amount: 4_000, currency: "USD" }, hourly).score).toBe(0.9);
    // 9,000 is 12.5% above 8,000: 1 - 0.25.
    expect(budgetFit({ amount: 9_000, currency: "USD" }, hourly)).toEqual({ score: 0.75, text: "Rate $90/h is above the $50–$80 budget" });
    expect(budgetFit({ amount: 12_000, currency: "USD" }, hourly).score).toBe(0);
  });

  it("fixed: hours the budget buys at the rate against the hours the length needs", () => {
    const fixed = {
      budgetType: "fixed" as const,
      budgetMin: 100_000,
      budgetMax: 200_000,
      currency: "USD",
      duration: "1_to_4_weeks" as const,
    };
    // $2,000 / $50 = 40 hours of the 50 a 1-4 week project needs.
    const fit = budgetFit({ amount: 5_000, currency: "USD" }, fixed);
    expect(fit.score).toBeCloseTo(0.8, 10);
    expect(fit.text).toBe("At $50/h the $2,000 budget buys about 40 hours, short of the ~50 the project needs");
    expect(budgetFit({ amount: 2_000, currency: "USD" }, fixed).score).toBe(1);
  });

  it("is neutral without a rate or across currencies", () => {
    expect(budgetFit({ amount: null, currency: "USD" }, hourly).score).toBe(0.5);
    expect(budgetFit({ amount: 6_000, currency: "EUR" }, hourly)).toEqual({
      score: 0.5,
      text: "Rate €60/h is in EUR, the budget in USD: not compared",
    });
  });
});

describe("rating and job success", () => {
  it("shrinks ratings towards the prior, so one 5-star review does not beat fifty 4.9s", () => {
    expect(bayesianRating(5, 1)).toBeCloseTo(25 / 6, 10);
    expect(bayesianRating(4.9, 50)).toBeCloseTo(265 / 55, 10);
    expect(ratingFit(5, 1).score).toBeCloseTo((25 / 6 - 3) / 2, 10);
    expect(ratingFit(4.9, 50).score).toBeGreaterThan(ratingFit(5, 1).score);
    expect(ratingFit(4.9, 50).text).toBe("4.9★ average from 50 reviews");
    expect(ratingFit(0, 0)).toEqual({ score: 0.5, text: "No reviews yet" });
    expect(ratingFit(1, 100).score).toBe(0);
  });

  it("shrinks job success towards 85% over 3 contracts and maps 50%..100% to 0..1", () => {
    // (3 × 0.85 + 9) / 13 = 0.888…; (0.888… - 0.5) / 0.5 = 0.7769…
    expect(jobSuccessFit(9, 10).score).toBeCloseTo(((2.55 + 9) / 13 - 0.5) / 0.5, 10);
    expect(jobSuccessFit(9, 10).text).toBe("90% job success over 10 finished contracts");
    expect(jobSuccessFit(0, 0)).toEqual({ score: 0.5, text: "No finished contracts yet" });
    // Below the three contracts a job success figure needs: neutral.
    expect(jobSuccessFit(2, 2)).toEqual({ score: 0.5, text: "Only 2 finished contracts so far" });
    expect(jobSuccessFit(3, 3).score).toBeCloseTo(((2.55 + 3) / 6 - 0.5) / 0.5, 10);
    expect(jobSuccessFit(0, 20).score).toBe(0);
  });
});

describe("availability, time zones and activity", () => {
  it("compares offered hours with what the project's length needs, less when busy", () => {
    expect(availabilityFit(30, 0, "1_to_3_months")).toEqual({ score: 1, text: "30 h/week available (about 20 needed)" });
    expect(availabilityFit(10, 1, "3_to_6_months").score).toBeCloseTo((10 / 25) * 0.9, 10);
    expect(availabilityFit(40, 3, "more_than_6_months")).toEqual({
      score: (40 / 30) * 0.6,
      text: "40 h/week available (about 30 needed), 3 active contracts",
    });
    expect(availabilityFit(null, 0, null).score).toBe(0.5);
  });

  it("counts shared 09:00-17:00 hours, wrapping around the clock", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(utcOffsetMinutes("Asia/Kolkata", winter)).toBe(330);
    expect(utcOffsetMinutes("America/New_York", winter)).toBe(-300);
    expect(timezoneFit("Europe/Berlin", "America/New_York", winter)).toEqual({
      score: 0.25,
      text: "2 of 8 working hours overlap with the client (UTC+1 and UTC-5)",
    });
    expect(timezoneFit("Asia/Kolkata", "Europe/London", winter)).toEqual({
      score: 2.5 / 8,
      text: "2.5 of 8 working hours overlap with the client (UTC+5:30 and UTC+0)",
    });
    // Auckland +13 and Los Angeles -8 are 21 hours apart one way, 3 the other.
    expect(timezoneFit("Pacific/Auckland", "America/Los_Angeles", winter).score).toBe(5 / 8);
    expect(timezoneFit("Europe/Paris", "Europe/Paris", winter).score).toBe(1);
    expect(timezoneFit("Europe/Paris", null, winter).score).toBe(0.5);
    expect(timezoneFit("Not/AZone", "Europe/Paris", winter).score).toBe(0.5);
  });

  it("keeps full credit for a week, then falls linearly to 0.2 at 120 days", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    expect(activityFit(daysAgo(3), now)).toEqual({ score: 1, text: "Last active 3 days ago" });
    expect(activityFit(daysAgo(63), now).score).toBeCloseTo(1 - (0.8 * 56) / 113, 10);
    expect(activityFit(daysAgo(63), now).text).toBe("Last active 2 months ago");
    expect(activityFit(daysAgo(200), now).score).toBe(0.2);
    expect(activityFit(null, now)).toEqual({ score: 0.2, text: "No activity yet" });
  });
});

describe("the combined score", () => {
  const all = (score: number) =>
    Object.fromEntries(Object.keys(MATCH_WEIGHTS).map((f) => [f, { score, text: f }])) as Parameters<typeof combineFactors>[0];

  it("has weights summing to 100 and is the weighted sum of factor scores", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(combineFactors(all(1)).score).toBe(100);
    expect(combineFactors(all(0.5)).score).toBe(50);
    const onlySkills = { ...all(0), skills: { score: 1, text: "Knows React" } };
    const result = combineFactors(onlySkills);
    expect(result.score).toBe(MATCH_WEIGHTS.skills);
    expect(result.reasons[0]).toEqual({ factor: "skills", score: 100, weight: MATCH_WEIGHTS.skills, text: "Knows React" });
    expect(result.reasons).toHaveLength(7);
  });
});
