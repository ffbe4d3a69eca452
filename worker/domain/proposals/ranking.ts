/**
 * The transparent order in which a client sees proposals: 50 points for skill overlap with the project,
 * 30 for a bid inside the budget (less the further above it), 20 for the freelancer's rating.
 */
export interface RankingInput {
  projectSkills: string[];
  freelancerSkills: string[];
  bidAmount: number;
  budgetMax: number;
  ratingAvg: number;
}

export interface Ranking {
  score: number;
  skillOverlap: number;
  bidFit: number;
  rating: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function rankProposal(input: RankingInput): Ranking {
  const mine = new Set(input.freelancerSkills);
  const skillOverlap = input.projectSkills.length ? input.projectSkills.filter((s) => mine.has(s)).length / input.projectSkills.length : 0;
  const bidFit = input.bidAmount <= input.budgetMax ? 1 : Math.max(0, 1 - (input.bidAmount - input.budgetMax) / input.budgetMax);
  const rating = Math.min(Math.max(input.ratingAvg, 0), 5) / 5;
  return {
    score: Math.round(50 * skillOverlap + 30 * bidFit + 20 * rating),
    skillOverlap: round2(skillOverlap),
    bidFit: round2(bidFit),
    rating: round2(rating),
  };
}
