/**
 * Past work of the demo market's rated freelancers, written as the rows real work leaves behind: for each, as many
 * finished engagements as their reputation suggests (capped), each a completed project of a market client in the
 * freelancer's category, the accepted proposal, the ended contract and the published reviews both sides wrote.
 * No rating is written here: profiles' ratings follow from these reviews (worker/domain/reviews/ratings.ts).
 */
import { REVIEW_CRITERIA } from "../../worker/domain/reviews/criteria";
import { CATEGORY_PROFILES } from "./market-categories";
import {
  DAY_MS,
  EXPERIENCE_PICKS,
  freelancerAt,
  freelancerCategory,
  PROJECT_CURRENCIES,
  projectTerms,
  proposalFor,
  searchText,
  slugsOf,
  type GeneratedProject,
  type Insert,
  type MarketPlan,
} from "./market-entities";
import { clientReviewText, endReasonText, freelancerReviewText, type ReviewTopic } from "./market-history-text";
import { chance, int, pick, rngFor, sample, seededId, type Rng } from "./market-random";
import { projectDescription, projectTitle } from "./market-text";
import { TAXONOMY } from "./taxonomy-load";

/** At most this many finished engagements per freelancer: enough for a track record, few enough to seed fast. */
export const PAST_WORK_CAP = 7;
/** A freelancer finishes at most one engagement per this many days of membership. */
const DAYS_PER_ENGAGEMENT = 20;
/** The latest engagement ended this long ago, and both reviews were written within REVIEW_LAG_DAYS of its end. */
const LATEST_END_DAYS = 12;
const REVIEW_LAG_DAYS = 9;
/** A client hires only once they have been a member this long before the latest end. */
const CLIENT_TENURE_DAYS = 30;
const HOUR_MS = 60 * 60 * 1000;

export interface MarketClient {
  id: string;
  name: string;
  company: string;
  city: string;
  joinedAt: number;
}

export interface PastWork {
  projects: Array<Insert<"projects">>;
  projectSkills: Array<Insert<"projectSkills">>;
  proposals: Array<Insert<"proposals">>;
  contracts: Array<Insert<"contracts">>;
  reviews: Array<Insert<"reviews">>;
}

/** n whole-star ratings whose mean is `average` (to the nearest whole sum), with one better and one worse job mixed in. */
export function ratingsAround(rng: Rng, average: number, n: number): number[] {
  if (n <= 0) return [];
  const sum = Math.min(5 * n, Math.max(n, Math.round(average * n)));
  const base = Math.floor(sum / n);
  const ratings = Array.from({ length: n }, (_, i) => base + (i < sum - base * n ? 1 : 0));
  if (n >= 2 && chance(rng, 0.5)) {
    const up = int(rng, 0, n - 1);
    const down = (up + int(rng, 1, n - 1)) % n;
    if (ratings[up] < 5 && ratings[down] > 1) {
      ratings[up]++;
      ratings[down]--;
    }
  }
  return sample(rng, ratings, n);
}

const clamp = (n: number) => Math.min(5, Math.max(1, n));
const firstName = (name: string) => name.split(" ")[0];
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function skillRatings(rng: Rng, role: "client" | "freelancer", rating: number) {
  return REVIEW_CRITERIA[role].map((skill) => ({ skill, rating: clamp(rating + pick(rng, [-1, 0, 0, 0, 1])) }));
}

/** The past work of every market freelancer, one freelancer at a time (`pastWorkOf(j)`), from the market's clients. */
export function pastWorkPlanner(plan: MarketPlan, clients: MarketClient[]) {
  const latestEnd = plan.now - LATEST_END_DAYS * DAY_MS;
  const hirers = clients.filter((c) => c.joinedAt <= latestEnd - CLIENT_TENURE_DAYS * DAY_MS);
  return (j: number): PastWork => {
    const work: PastWork = { projects: [], projectSkills: [], proposals: [], contracts: [], reviews: [] };
    const freelancer = freelancerAt(plan, j);
    const joined = freelancer.user.createdAt.getTime();
    const n = Math.min(freelancer.reputation.count, PAST_WORK_CAP, Math.floor((latestEnd - joined) / (DAYS_PER_ENGAGEMENT * DAY_MS)));
    if (n <= 0 || hirers.length === 0) return work;
    const rng = rngFor(plan.seed, "past-work", j);
    const ratings = ratingsAround(rng, freelancer.reputation.average, n);
    const category = TAXONOMY.categories[freelancerCategory(plan, j)];
    const said = new Set<string>();
    for (let e = 0; e < n; e++) {
      const engagement = engagementAt(plan, {
        serial: j * PAST_WORK_CAP + e,
        freelancer,
        client: pick(rng, hirers),
        categorySlug: category.slug,
        rating: ratings[e],
        latestEnd,
        said,
      });
      work.projects.push(engagement.project.project);
      work.projectSkills.push(...engagement.project.skills);
      work.proposals.push(engagement.proposal);
      work.contracts.push(engagement.contract);
      work.reviews.push(...engagement.reviews);
    }
    return work;
  };
}

/** One finished engagement: posted, hired within days, worked for about the project's length, ended, reviewed. */
function engagementAt(
  plan: MarketPlan,
  input: {
    serial: number;
    freelancer: ReturnType<typeof freelancerAt>;
    client: MarketClient;
    categorySlug: string;
    rating: number;
    latestEnd: number;
    /** What clients already wrote about this freelancer. */
    said: Set<string>;
  },
) {
  const { serial, freelancer, client, latestEnd } = input;
  const rng = rngFor(plan.seed, "past-engagement", serial);
  const profile = CATEGORY_PROFILES[input.categorySlug];
  const skills = sample(rng, freelancer.skillNames, int(rng, 2, Math.min(4, freelancer.skillNames.length)));
  const thing = pick(rng, profile.things);
  const terms = projectTerms(rng, profile);

  // Both had joined before the work; it ended at least LATEST_END_DAYS ago.
  const start = Math.max(freelancer.user.createdAt.getTime(), client.joinedAt) + 3 * DAY_MS;
  const span = latestEnd - start;
  const hiringMs = int(rng, 2, 10) * DAY_MS;
  const wanted = Math.round(terms.weeks * 7 * (0.5 + rng() * 0.7)) * DAY_MS;
  const workingMs = Math.max(3 * DAY_MS, Math.min(wanted, span - hiringMs - 2 * DAY_MS));
  const postedAt = start + Math.floor(rng() * Math.max(0, span - hiringMs - workingMs - 2 * DAY_MS));

  const hourly = terms.hourly;
  // Project index past the open market's (projectAt's), so project, proposal and contract ids stay unique.
  const index = plan.projects + serial;
  const generated: GeneratedProject = {
    index,
    project: {
      id: seededId(postedAt, rng, "P", index),
      clientId: client.id,
      title: projectTitle(rng, profile, skills, thing),
      description: projectDescription(rng, { profile, skills, company: client.company, city: client.city, weeks: terms.weeks, thing }),
      categorySlug: input.categorySlug,
      budgetType: hourly ? "hourly" : "fixed",
      budgetMin: terms.min * 100,
      budgetMax: terms.max * 100,
      currency: pick(rng, PROJECT_CURRENCIES),
      duration: terms.duration,
      experienceLevel: pick(rng, EXPERIENCE_PICKS),
      visibility: "public",
      status: "completed",
      attachments: [],
      skillsText: searchText(skills),
      createdAt: new Date(postedAt),
      updatedAt: new Date(postedAt),
      closedAt: null,
    },
    skills: [],
    skillNames: skills,
    weeks: terms.weeks,
  };
  generated.skills = slugsOf(skills).map((skillSlug) => ({ projectId: generated.project.id, skillSlug }));
  const who = { id: freelancer.user.id, name: freelancer.user.name, skillNames: freelancer.skillNames, years: freelancer.years };
  const { proposal, contract: offer } = proposalFor(plan, generated, 0, who, "accepted", postedAt + hiringMs);

  // The freelancer accepts within hours; the client ends it when the work is done (as worker/domain/contracts does).
  const acceptedAt = proposal.decidedAt!.getTime() + int(rng, 1, 30) * HOUR_MS;
  const endedAt = acceptedAt + workingMs;
  generated.project.updatedAt = new Date(endedAt);
  const contract = {
    ...offer!,
    status: "ended",
    type: hourly ? "hourly" : "fixed",
    hourlyRate: hourly ? proposal.bidAmount : null,
    weeklyHourLimit: hourly ? pick(rng, [10, 20, 20, 30, 40]) : null,
    startDate: isoDate(acceptedAt),
    acceptedAt: new Date(acceptedAt),
    endedAt: new Date(endedAt),
    endedBy: client.id,
    endReason: endReasonText(rng, hourly),
    updatedAt: new Date(endedAt),
    // Accepted, then ended: each bumps the version once.
    version: 2,
  } satisfies Insert<"contracts">;

  const topic = (name: string): ReviewTopic => ({ name: firstName(name), thing, skill: pick(rng, skills) });
  const clientWrote = endedAt + int(rng, 2, 7 * 24) * HOUR_MS;
  const freelancerWrote = endedAt + int(rng, 2, REVIEW_LAG_DAYS * 24) * HOUR_MS;
  // Both sides wrote, so both reviews were published when the second one came in.
  const publishedAt = new Date(Math.max(clientWrote, freelancerWrote));
  const aboutClient = pick(rng, [5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3]);
  const reviews = [
    {
      id: seededId(clientWrote, rng, "R", serial * 2),
      contractId: contract.id,
      authorId: client.id,
      subjectId: freelancer.user.id,
      authorRole: "client",
      rating: input.rating,
      skillRatings: skillRatings(rng, "client", input.rating),
      comment: clientReviewText(rng, input.rating, topic(freelancer.user.name), input.said),
      publishedAt,
      createdAt: new Date(clientWrote),
    },
    {
      id: seededId(freelancerWrote, rng, "R", serial * 2 + 1),
      contractId: contract.id,
      authorId: freelancer.user.id,
      subjectId: client.id,
      authorRole: "freelancer",
      rating: aboutClient,
      skillRatings: skillRatings(rng, "freelancer", aboutClient),
      comment: freelancerReviewText(rng, aboutClient, topic(client.name)),
      publishedAt,
      createdAt: new Date(freelancerWrote),
    },
  ] satisfies Array<Insert<"reviews">>;
  return { project: generated, proposal, contract, reviews };
}
