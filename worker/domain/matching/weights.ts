/**
 * The one place the matching engine's weights and thresholds live. A match score is
 * `sum(weight[f] * factorScore[f])` over the factors below, each factor scoring 0..1, so the weights are the
 * points (out of 100) a factor can contribute. docs/decisions/019-matching-and-estimates.md explains the choices.
 */
export const MATCH_WEIGHTS = {
  /** Project skills the freelancer has (exactly, or a related skill for half credit), weighted by how central each is to the project text. */
  skills: 40,
  /** Hourly rate against the budget: inside an hourly range, or enough hours bought by a fixed budget. */
  budget: 14,
  /** Bayesian average rating: reviews shrink towards a prior, so one 5-star review does not beat fifty 4.9s. */
  rating: 14,
  /** Job success (reviews/job-success.ts rule: positive share of finished contracts), shrunk towards a prior the same way. */
  jobSuccess: 10,
  /** Hours per week offered against what the project's length needs, less when already busy. */
  availability: 8,
  /** Working hours (09:00-17:00) shared with the client's time zone. */
  timezone: 7,
  /** Days since the freelancer last did anything on the marketplace (proposal, profile edit). */
  activity: 7,
} as const;

export type MatchFactor = keyof typeof MATCH_WEIGHTS;
export const MATCH_FACTORS = Object.keys(MATCH_WEIGHTS) as MatchFactor[];

/** Matches below this score (0-100) are not shown at all: better nobody than a poor fit. */
export const MIN_MATCH_SCORE = 40;

export const MATCH_LIMIT_DEFAULT = 10;
export const MATCH_LIMIT_MAX = 50;

/** How many pre-filtered candidates (by shared and related skills, in SQL) the engine scores in full. */
export const CANDIDATE_LIMIT = 250;

/** Rating prior: a profile is treated as if it also had this many reviews of this average. */
export const RATING_PRIOR_MEAN = 4.0;
export const RATING_PRIOR_COUNT = 5;

/** Job success prior: this share of success, as if from this many finished contracts. */
export const JOB_SUCCESS_PRIOR_RATE = 0.85;
export const JOB_SUCCESS_PRIOR_COUNT = 3;

/** A related skill (taxonomy `related`, either direction) earns this share of a direct skill's credit. */
export const RELATED_SKILL_CREDIT = 0.5;

/** Recent activity: full score within this many days, falling linearly to ACTIVITY_FLOOR at ACTIVITY_STALE_DAYS. */
export const ACTIVITY_FRESH_DAYS = 7;
export const ACTIVITY_STALE_DAYS = 120;
export const ACTIVITY_FLOOR = 0.2;

/** A factor without data (no rate, no reviews, unknown time zone) scores this: neither for nor against. */
export const NEUTRAL_SCORE = 0.5;
