import { describe, expect, it } from "vitest";
import { evaluateSeededMarket, formatReport, scoreRanking } from "./eval-matching";

describe("scripts/eval-matching.ts", () => {
  it("scores a ranking by precision@10 and NDCG@10", () => {
    const ranked = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
    expect(scoreRanking(ranked, new Set(["a"]))).toEqual({ precisionAt10: 0.1, ndcgAt10: 1, hitRateAt10: 1 });
    // Hit at rank 3: 1/log2(4) = 0.5.
    expect(scoreRanking(ranked, new Set(["c"]))).toEqual({ precisionAt10: 0.1, ndcgAt10: 0.5, hitRateAt10: 1 });
    expect(scoreRanking(ranked, new Set(["k"]))).toEqual({ precisionAt10: 0, ndcgAt10: 0, hitRateAt10: 0 });
  });

  it("ranks the hired freelancers of a small seeded market better than skills overlap alone", async () => {
    const report = await evaluateSeededMarket({
      seed: 11,
      now: new Date("2026-11-01T12:00:00Z"),
      scale: { clients: 60, freelancers: 400, projects: 800, proposals: 3000 },
    });
    console.log(formatReport(report));
    expect(report.projects).toBeGreaterThan(80);
    expect(report.engine.precisionAt10).toBeGreaterThan(report.baseline.precisionAt10);
    expect(report.engine.ndcgAt10).toBeGreaterThan(report.baseline.ndcgAt10);
  }, 120_000);
});
