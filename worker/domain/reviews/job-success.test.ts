import { describe, expect, it } from "vitest";
import { jobSuccessFrom, type ContractOutcome } from "./job-success";

const rated = (clientRating: number): ContractOutcome => ({ clientRating, disputesDecided: 0, disputesLost: 0 });
const none: ContractOutcome = { clientRating: null, disputesDecided: 0, disputesLost: 0 };

describe("jobSuccessFrom", () => {
  it("is positive contracts over contracts with an outcome, as a whole percent", () => {
    // 7 good ratings and one 3-star: 7 / 8 = 87.5% -> 88.
    expect(jobSuccessFrom([...Array(7).fill(rated(5)), rated(3)])).toEqual({ score: 88, positive: 7, withOutcome: 8, minimum: 3 });
    // 2 of 3: 66.67% -> 67.
    expect(jobSuccessFrom([rated(4), rated(5), rated(2)]).score).toBe(67);
  });

  it("skips contracts without an outcome and shows nothing below the minimum", () => {
    expect(jobSuccessFrom([rated(5), rated(5), none, none])).toEqual({ score: null, positive: 2, withOutcome: 2, minimum: 3 });
  });

  it("counts a lost dispute against the freelancer even with a good rating, and a won one without a rating as positive", () => {
    const lost: ContractOutcome = { clientRating: 5, disputesDecided: 1, disputesLost: 1 };
    const won: ContractOutcome = { clientRating: null, disputesDecided: 1, disputesLost: 0 };
    // positive: 5-star, won dispute; negative: lost dispute; 2 / 3 = 67.
    expect(jobSuccessFrom([rated(5), won, lost])).toEqual({ score: 67, positive: 2, withOutcome: 3, minimum: 3 });
  });
});
