/** The matching engine: one pair score, used both ways (freelancers for a project, projects for a freelancer). */
import { activityFit, availabilityFit, bayesianRating, budgetFit, jobSuccessFit, ratingFit, skillFit, timezoneFit } from "./factors";
import { freelancerCandidates, projectCandidates } from "./candidates";
import { loadFreelancerFacts, loadProjectFacts, type FreelancerFacts, type MatchingContext, type ProjectFacts } from "./inputs";
import { combineFactors, type MatchScore } from "./score";
import { MIN_MATCH_SCORE } from "./weights";

/** How well a freelancer fits a project, 0-100, with a reason per factor, judged at instant `at`. */
export function scorePair(project: ProjectFacts, freelancer: FreelancerFacts, at: Date): MatchScore {
  return combineFactors({
    skills: skillFit(project.skills, freelancer.skills),
    budget: budgetFit({ amount: freelancer.hourlyRate, currency: freelancer.currency }, project),
    rating: ratingFit(freelancer.ratingAvg, freelancer.ratingCount),
    jobSuccess: jobSuccessFit(freelancer.successfulContracts, freelancer.finishedContracts),
    availability: availabilityFit(freelancer.availabilityHoursPerWeek, freelancer.activeContracts, project.duration),
    timezone: timezoneFit(freelancer.timezone, project.clientZone, at),
    activity: activityFit(freelancer.lastActiveAt, at),
  });
}

export interface RankOptions {
  limit: number;
  /** Judge the market as it stood then (evaluation); defaults to the clock. */
  asOf?: Date;
  minScore?: number;
}

export interface FreelancerMatch extends MatchScore {
  freelancer: FreelancerFacts;
}

export interface ProjectMatch extends MatchScore {
  project: ProjectFacts;
}

/** Best-scoring freelancers for a project, at or above the minimum score; ties go to the better Bayesian rating. */
export async function rankFreelancersForProject(
  ctx: MatchingContext,
  project: ProjectFacts,
  options: RankOptions,
): Promise<FreelancerMatch[]> {
  const at = options.asOf ?? ctx.clock.now();
  const ids = await freelancerCandidates(ctx, project);
  const facts = await loadFreelancerFacts(ctx, ids, at);
  const min = options.minScore ?? MIN_MATCH_SCORE;
  return facts
    .map((freelancer) => ({ freelancer, ...scorePair(project, freelancer, at) }))
    .filter((m) => m.score >= min)
    .sort(
      (a, b) =>
        b.score - a.score ||
        bayesianRating(b.freelancer.ratingAvg, b.freelancer.ratingCount) -
          bayesianRating(a.freelancer.ratingAvg, a.freelancer.ratingCount) ||
        a.freelancer.id.localeCompare(b.freelancer.id),
    )
    .slice(0, options.limit);
}

/** Best-scoring open projects for a freelancer by the same pair score; ties go to the newer project. */
export async function rankProjectsForFreelancer(
  ctx: MatchingContext,
  freelancer: FreelancerFacts,
  options: RankOptions,
): Promise<ProjectMatch[]> {
  const at = options.asOf ?? ctx.clock.now();
  const projects = await loadProjectFacts(ctx, await projectCandidates(ctx, freelancer));
  const min = options.minScore ?? MIN_MATCH_SCORE;
  return projects
    .map((project) => ({ project, ...scorePair(project, freelancer, at) }))
    .filter((m) => m.score >= min)
    .sort(
      (a, b) =>
        b.score - a.score || b.project.createdAt.getTime() - a.project.createdAt.getTime() || a.project.id.localeCompare(b.project.id),
    )
    .slice(0, options.limit);
}
