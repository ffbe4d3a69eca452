/** One demo-market entity at a time, each from its own seeded stream, so any slice can be generated alone. */
import type * as schema from "../schema";
import { skillsSearchText } from "../../worker/domain/taxonomy/taxonomy";
import { CATEGORY_PROFILES, type CategoryProfile } from "./market-categories";
import { CLIENT_COUNTRIES, COMPANY_FIRST, COMPANY_SECOND, COMPANY_SUFFIX, PLACES, type Place } from "./market-people";
import { chance, int, pick, rngFor, sample, seededId, type Rng } from "./market-random";
import { coverLetterText, freelancerBio, freelancerHeadline, projectDescription, projectTitle } from "./market-text";
import { TAXONOMY } from "./taxonomy-load";

export const DAY_MS = 24 * 60 * 60 * 1000;
export type Insert<T extends keyof typeof schema> = (typeof schema)[T] extends { $inferInsert: infer R } ? R : never;

export interface MarketPlan {
  seed: number;
  now: number;
  clients: number;
  freelancers: number;
  projects: number;
  proposals: number;
  demo?: { clientId: string; freelancerId: string };
}

const CATEGORIES = TAXONOMY.categories;
/** How common each category is, in taxonomy.json order: web, mobile and design work dominate. */
const CATEGORY_WEIGHTS = [10, 6, 6, 4, 5, 4, 5, 6, 4, 6, 3, 5, 3, 3, 3, 2, 2, 2, 3, 2, 2, 2];
const SKILL_BY_NAME = new Map(CATEGORIES.flatMap((c) => c.skills.map((s) => [s.name, s] as const)));
const WEIGHT_TOTAL = CATEGORY_WEIGHTS.reduce((a, b) => a + b, 0);

export function categoryIndex(rng: Rng): number {
  let r = rng() * WEIGHT_TOTAL;
  for (let i = 0; i < CATEGORY_WEIGHTS.length; i++) if ((r -= CATEGORY_WEIGHTS[i]) < 0) return i;
  return 0;
}

export const slugsOf = (names: string[]) => names.map((n) => SKILL_BY_NAME.get(n)!.slug);
export const searchText = (names: string[]) => skillsSearchText(names.map((n) => SKILL_BY_NAME.get(n)!));
const placeIn = (country: string) => PLACES.filter((p) => p.country === country);
const roundTo = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);

function person(rng: Rng, place: Place) {
  return { first: pick(rng, place.first), last: pick(rng, place.last), city: pick(rng, place.cities) };
}

function userRow(
  plan: MarketPlan,
  rng: Rng,
  kind: "client" | "freelancer",
  i: number,
  name: { first: string; last: string },
  createdAt: number,
) {
  const local = `${name.first}.${name.last}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return {
    id: seededId(createdAt, rng, kind === "client" ? "C" : "F", i),
    email: `${local}.${kind[0]}${i}@market.test`,
    name: `${name.first} ${name.last}`,
    passwordHash: null,
    roles: [kind],
    emailVerifiedAt: new Date(createdAt + DAY_MS),
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
  } satisfies Insert<"users">;
}

export function clientAt(plan: MarketPlan, i: number) {
  const rng = rngFor(plan.seed, "client", i);
  const place = pick(rng, placeIn(pick(rng, CLIENT_COUNTRIES)));
  const name = person(rng, place);
  const createdAt = plan.now - int(rng, 20, 1200) * DAY_MS;
  const user = userRow(plan, rng, "client", i, name, createdAt);
  const companyName = chance(rng, 0.8) ? `${pick(rng, COMPANY_FIRST)} ${pick(rng, COMPANY_SECOND)}${pick(rng, COMPANY_SUFFIX)}` : null;
  const profile = {
    userId: user.id,
    companyName,
    companySize: companyName ? pick(rng, ["1", "2-10", "2-10", "11-50", "51-200", "201-1000"] as const) : "1",
    country: place.country,
    paymentVerified: chance(rng, 0.7),
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
  } satisfies Insert<"clientProfiles">;
  return { user, profile, city: name.city, company: companyName ?? `${name.first}'s business`, timezone: place.timezone };
}

export function freelancerCategory(plan: MarketPlan, j: number): number {
  return categoryIndex(rngFor(plan.seed, "freelancer-category", j));
}

export function freelancerAt(plan: MarketPlan, j: number) {
  const rng = rngFor(plan.seed, "freelancer", j);
  const category = CATEGORIES[freelancerCategory(plan, j)];
  const profile = CATEGORY_PROFILES[category.slug];
  const place = pick(rng, PLACES);
  const name = person(rng, place);
  const createdAt = plan.now - int(rng, 10, 1500) * DAY_MS;
  const user = userRow(plan, rng, "freelancer", j, name, createdAt);
  const skills = sample(
    rng,
    category.skills.map((s) => s.name),
    int(rng, 3, 8),
  );
  const years = int(rng, 1, 15);
  const rated = chance(rng, 0.75);
  const rate = int(rng, profile.hourly[0], Math.round(profile.hourly[1] * (0.4 + years / 25)));
  const row = {
    userId: user.id,
    handle: `${`${name.first}-${name.last}`
      .normalize("NFD")
      .replace(/[^A-Za-z-]/g, "")
      .toLowerCase()
      .slice(0, 22)}-${j}`,
    headline: freelancerHeadline(rng, profile, skills),
    bio: freelancerBio(rng, { profile, skills, city: name.city, years }),
    hourlyRate: rate * 100,
    currency: "USD",
    availabilityHoursPerWeek: pick(rng, [10, 20, 20, 30, 40, 40]),
    timezone: place.timezone,
    languages: place.languages,
    country: place.country,
    skillsText: searchText(skills),
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
  } satisfies Insert<"freelancerProfiles">;
  // How clients of the seeded market would rate them: it decides whom a seeded client hires, and is never written as
  // a rating, which comes only from reviews (worker/domain/reviews/ratings.ts).
  const reputation = rated ? { average: Math.round((3.6 + rng() * 1.4) * 10) / 10, count: int(rng, 1, 120) } : { average: 0, count: 0 };
  const skillRows = slugsOf(skills).map(
    (skillSlug) => ({ userId: user.id, skillSlug, years: int(rng, 1, years) }) satisfies Insert<"freelancerSkills">,
  );
  return { user, profile: row, skills: skillRows, skillNames: skills, years, reputation };
}

const DURATIONS = [
  ["less_than_week", 1],
  ["1_to_4_weeks", 3],
  ["1_to_3_months", 8],
  ["3_to_6_months", 16],
  ["more_than_6_months", 30],
] as const;

/** A project's budget (major units) and expected length, as a client of the category would set them. */
export function projectTerms(rng: Rng, profile: CategoryProfile) {
  const hourly = chance(rng, 0.3);
  const [low, high] = hourly ? profile.hourly : profile.fixed;
  const min = hourly ? int(rng, low, Math.round(high * 0.6)) : roundTo(low + (high - low) * rng() ** 2, 50);
  const max = hourly ? Math.min(high, min + int(rng, 5, 40)) : chance(rng, 0.3) ? min : roundTo(min * (1.2 + rng()), 50);
  const [duration, weeks] = pick(rng, DURATIONS);
  return { hourly, min, max, duration, weeks };
}

export const PROJECT_CURRENCIES = ["USD", "USD", "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP", "CAD"];
export const EXPERIENCE_PICKS = ["entry", "intermediate", "intermediate", "expert"] as const;

export function projectAt(plan: MarketPlan, i: number, clientOf: (i: number, rng: Rng) => { id: string; company: string; city: string }) {
  const rng = rngFor(plan.seed, "project", i);
  const demoProject = plan.demo !== undefined && i < 6;
  const category = CATEGORIES[demoProject && i < 3 ? 0 : categoryIndex(rng)];
  const profile = CATEGORY_PROFILES[category.slug];
  const skills = sample(
    rng,
    category.skills.map((s) => s.name),
    int(rng, 2, 5),
  );
  const client = clientOf(i, rng);
  const { hourly, min, max, duration, weeks } = projectTerms(rng, profile);
  const createdAt = plan.now - Math.floor(rng() ** 1.3 * 90 * DAY_MS) - int(rng, 1, 3600) * 1000;
  const closed = chance(rng, 0.12);
  const project = {
    id: seededId(createdAt, rng, "P", i),
    clientId: client.id,
    title: projectTitle(rng, profile, skills),
    description: projectDescription(rng, { profile, skills, company: client.company, city: client.city, weeks }),
    categorySlug: category.slug,
    budgetType: hourly ? "hourly" : "fixed",
    budgetMin: min * 100,
    budgetMax: max * 100,
    currency: pick(rng, PROJECT_CURRENCIES),
    duration,
    experienceLevel: pick(rng, EXPERIENCE_PICKS),
    visibility: chance(rng, 0.05) ? "invite_only" : "public",
    status: (closed ? "closed" : "open") as schema.ProjectStatus,
    attachments: [],
    skillsText: searchText(skills),
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
    closedAt: closed ? new Date(createdAt + Math.floor(rng() * (plan.now - createdAt))) : null,
  } satisfies Insert<"projects">;
  return {
    index: i,
    project,
    skills: slugsOf(skills).map((skillSlug) => ({ projectId: project.id, skillSlug })),
    skillNames: skills,
    weeks,
  };
}

export type GeneratedProject = ReturnType<typeof projectAt>;

/**
 * One proposal of `freelancer` on the project; `decision` comes from the project's own stream. It is sent and
 * decided before the project closed (or before `decidedBy`, when given) and before now.
 */
export function proposalFor(
  plan: MarketPlan,
  project: GeneratedProject,
  k: number,
  freelancer: { id: string; name: string; skillNames: string[]; years: number },
  status: "pending" | "shortlisted" | "accepted" | "declined" | "withdrawn",
  decidedBy?: number,
) {
  const rng = rngFor(plan.seed, `proposal:${project.project.id}`, k);
  const p = project.project;
  const end = Math.min(plan.now, decidedBy ?? (p.closedAt ? p.closedAt.getTime() : plan.now));
  const createdAt = p.createdAt.getTime() + Math.floor(rng() * Math.max(1, end - p.createdAt.getTime()));
  const bid =
    p.budgetType === "fixed"
      ? roundTo(p.budgetMin * 0.8 + rng() * (p.budgetMax * 1.15 - p.budgetMin * 0.8), 500)
      : roundTo(p.budgetMin * 0.9 + rng() * (p.budgetMax * 1.1 - p.budgetMin * 0.9), 100);
  const days = Math.max(1, Math.round(project.weeks * 7 * (0.6 + rng() * 0.7)));
  // An hourly bid offers hours a week instead of days, drawn from a stream of its own so fixed-price bids stay as they were.
  const weeklyHours =
    p.budgetType === "hourly" ? pick(rngFor(plan.seed, `weekly-hours:${project.project.id}`, k), [10, 15, 20, 20, 25, 30, 40]) : null;
  let milestones: Array<{ title: string; amount: number }> | null = null;
  if (p.budgetType === "fixed" && chance(rng, 0.3)) {
    const first = roundTo(bid * (0.3 + rng() * 0.2), 100);
    milestones = [
      { title: pick(rng, ["Discovery and plan", "First draft", "Setup and design"]), amount: first },
      { title: pick(rng, ["Delivery and handover", "Final version", "Build and launch"]), amount: bid - first },
    ];
  }
  const decided = status !== "pending" && status !== "shortlisted";
  const decidedAt = decided ? new Date(createdAt + Math.floor(rng() * Math.max(1, end - createdAt))) : null;
  // Proposal k of project i: unique as long as a project has fewer than 2048 of them.
  const serial = project.index * 2048 + k;
  const row = {
    id: seededId(createdAt, rng, "Q", serial),
    projectId: p.id,
    freelancerId: freelancer.id,
    coverLetter: coverLetterText(rng, {
      projectTitle: p.title,
      skills: [...project.skillNames, ...freelancer.skillNames],
      days,
      weeklyHours,
      name: freelancer.name.split(" ")[0],
      years: freelancer.years,
    }),
    bidAmount: bid,
    currency: p.currency,
    estimatedDays: weeklyHours === null ? days : null,
    weeklyHours,
    milestones,
    attachments: [],
    status,
    declineReason:
      status === "declined" && chance(rng, 0.6)
        ? pick(rng, ["We went with a smaller budget.", "We chose someone with more domain experience.", "The scope changed, sorry."])
        : null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(decidedAt?.getTime() ?? createdAt),
    decidedAt,
  } satisfies Insert<"proposals">;
  const contract =
    status === "accepted"
      ? ({
          id: seededId(decidedAt!.getTime(), rng, "K", serial),
          projectId: p.id,
          clientId: p.clientId,
          freelancerId: freelancer.id,
          proposalId: row.id,
          status: "offered",
          amount: bid,
          currency: p.currency,
          weeklyHourLimit: weeklyHours,
          createdAt: decidedAt!,
        } satisfies Insert<"contracts">)
      : null;
  return { proposal: row, contract };
}
