import { describe, expect, it } from "vitest";
import { freelancerSimilarity } from "./freelancer-rate";
import { projectSimilarity } from "./project-price";
import { confidenceOf, jaccard, percentile, summarizeAmounts, wordSet } from "./summary";

describe("estimate statistics", () => {
  it("interpolates percentiles between ranks", () => {
    expect(percentile([1, 2, 3, 4], 25)).toBe(1.75);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 75)).toBe(40);
    expect(percentile([7], 90)).toBe(7);
  });

  it("scales confidence with the count (full at 20) and down with the spread", () => {
    // 5/20 × 1 / (1 + (40 - 20) / 30) = 0.25 / 1.666… = 0.15
    expect(confidenceOf(5, 20, 30, 40)).toBe(0.15);
    expect(confidenceOf(40, 100, 100, 100)).toBe(1);
    expect(confidenceOf(20, 50, 100, 150)).toBe(0.5);
  });

  it("summarizes as P25 / P50 / P75 and refuses below five comparables", () => {
    expect(summarizeAmounts([50, 10, 40, 20, 30])).toEqual({ low: 20, median: 30, high: 40, confidence: 0.15 });
    expect(summarizeAmounts([10, 20, 30, 40])).toBeNull();
  });

  it("measures overlap of skills, title words and experience", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3, 10);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect([...wordSet("Build a React app for us")]).toEqual(["build", "react", "app", "for"]);
    const wanted = { skills: new Set(["react", "typescript"]), titleWords: wordSet("React dashboard"), level: "expert" as const };
    const candidate = { skills: new Set(["react"]), titleWords: wordSet("Sales dashboard"), level: "expert" as const };
    // 0.6 × 1/2 + 0.25 × 1/3 + 0.15
    expect(projectSimilarity(wanted, candidate)).toBeCloseTo(0.3 + 0.25 / 3 + 0.15, 10);
    // 0.7 × 1/3 + 0.3 × (1 - 4/10)
    expect(freelancerSimilarity({ skills: new Set(["a", "b"]), years: 8 }, { skills: new Set(["b", "c"]), years: 4 })).toBeCloseTo(
      0.7 / 3 + 0.3 * 0.6,
      10,
    );
  });
});
