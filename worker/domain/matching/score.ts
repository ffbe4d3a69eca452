import type { FactorResult } from "./factors";
import { MATCH_FACTORS, MATCH_WEIGHTS, type MatchFactor } from "./weights";

export interface MatchReason {
  factor: MatchFactor;
  /** The factor's own score, 0-100. */
  score: number;
  /** Points (out of 100) the factor can contribute; it contributes score × weight / 100. */
  weight: number;
  text: string;
}

export interface MatchScore {
  /** 0-100 */
  score: number;
  reasons: MatchReason[];
}

/** Weighted sum of the factor scores, 0-100, with one reason per factor, biggest contribution first. */
export function combineFactors(factors: Record<MatchFactor, FactorResult>): MatchScore {
  let total = 0;
  const reasons: MatchReason[] = [];
  for (const factor of MATCH_FACTORS) {
    const { score, text } = factors[factor];
    total += MATCH_WEIGHTS[factor] * score;
    reasons.push({ factor, score: Math.round(score * 100), weight: MATCH_WEIGHTS[factor], text });
  }
  reasons.sort((a, b) => b.score * b.weight - a.score * a.weight);
  return { score: Math.round(total), reasons };
}
