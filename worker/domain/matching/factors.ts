/**
 * The matching factors: pure functions from plain inputs to a 0..1 score and the sentence a person reads.
 * Weights and thresholds are in ./weights.ts; the database side is in ./inputs.ts.
 */
import type { BudgetType, ProjectDuration } from "../../../db/schema";
import { JOB_SUCCESS_MIN_CONTRACTS } from "../reviews/job-success";
import { listOf, money, moneyRange, plural } from "./format";
import {
  ACTIVITY_FLOOR,
  ACTIVITY_FRESH_DAYS,
  ACTIVITY_STALE_DAYS,
  JOB_SUCCESS_PRIOR_COUNT,
  JOB_SUCCESS_PRIOR_RATE,
  NEUTRAL_SCORE,
  RATING_PRIOR_COUNT,
  RATING_PRIOR_MEAN,
  RELATED_SKILL_CREDIT,
} from "./weights";

export interface FactorResult {
  /** 0..1 */
  score: number;
  text: string;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------- skills

export interface TaxonomySkill {
  slug: string;
  name: string;
  aliases: string[];
  related: string[];
}

export interface WeightedSkill extends TaxonomySkill {
  /** How central the skill is to the project (see skillCentrality); at least 1. */
  weight: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole-word, case-insensitive occurrences of any of `terms` in `text` ("C#" and "Node.js" included). */
export function countMentions(text: string, terms: string[]): number {
  const wanted = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length >= 2))];
  if (wanted.length === 0 || !text) return 0;
  // Longest first, so "react native" is one mention, not also a "react" one.
  wanted.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}+#])`, "giu");
  return text.toLowerCase().match(pattern)?.length ?? 0;
}

/**
 * How central each project skill is to the project text: 1 for being listed, +2 when the title names it
 * (by name or alias), + one per mention in the description up to 3. So a skill in the title and mentioned twice
 * weighs 5, a listed skill the text never names weighs 1.
 */
export function skillCentrality(project: { title: string; description: string }, list: TaxonomySkill[]): WeightedSkill[] {
  return list.map((skill) => {
    const terms = [skill.name, ...skill.aliases];
    const inTitle = countMentions(project.title, terms) > 0 ? 2 : 0;
    const inText = Math.min(3, countMentions(project.description, terms));
    return { ...skill, weight: 1 + inTitle + inText };
  });
}

/** Whether the freelancer's skill `mine` is related to the project's skill `wanted` (either direction). */
function relatedTo(wanted: TaxonomySkill, mine: TaxonomySkill): boolean {
  return wanted.related.includes(mine.slug) || mine.related.includes(wanted.slug);
}

/**
 * Share of the project's (weighted) skills the freelancer has: full credit for the skill itself, RELATED_SKILL_CREDIT
 * for a related one. Skills are slugs already resolved from names and aliases by the taxonomy.
 */
export function skillFit(projectSkills: WeightedSkill[], freelancerSkills: TaxonomySkill[]): FactorResult & { direct: string[] } {
  if (projectSkills.length === 0) return { score: NEUTRAL_SCORE, text: "The project lists no skills", direct: [] };
  const mine = new Map(freelancerSkills.map((s) => [s.slug, s]));
  const ordered = [...projectSkills].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  let earned = 0;
  let total = 0;
  const direct: string[] = [];
  const related: string[] = [];
  for (const skill of ordered) {
    total += skill.weight;
    if (mine.has(skill.slug)) {
      earned += skill.weight;
      direct.push(skill.name);
      continue;
    }
    const near = freelancerSkills.find((s) => relatedTo(skill, s));
    if (near) {
      earned += skill.weight * RELATED_SKILL_CREDIT;
      related.push(`${near.name} for ${skill.name}`);
    }
  }
  const of = `${direct.length} of ${plural(projectSkills.length, "key skill")}`;
  let text = direct.length > 0 ? `Knows ${listOf(direct)} (${of})` : `Has none of the project's ${plural(projectSkills.length, "skill")}`;
  if (related.length > 0) text += `; related: ${listOf(related)}`;
  return { score: clamp01(earned / total), text, direct };
}

// ---------------------------------------------------------------- budget

/** Hours a fixed-price project of this length plausibly takes, to judge what a budget buys at a rate. */
export const HOURS_FOR_DURATION: Record<ProjectDuration | "unknown", number> = {
  less_than_week: 15,
  "1_to_4_weeks": 50,
  "1_to_3_months": 150,
  "3_to_6_months": 350,
  more_than_6_months: 700,
  unknown: 50,
};

export interface BudgetInput {
  budgetType: BudgetType;
  budgetMin: number;
  budgetMax: number;
  currency: string;
  duration: ProjectDuration | null;
}

/**
 * Hourly projects: 1 inside the range, 0.9 below it, falling to 0 at 50% above the top. Fixed projects: the
 * hours the top of the budget buys at the rate, against the hours the project's length needs (capped at 1).
 */
export function budgetFit(rate: { amount: number | null; currency: string }, project: BudgetInput): FactorResult {
  if (rate.amount === null || rate.amount <= 0) return { score: NEUTRAL_SCORE, text: "No hourly rate on the profile" };
  const shown = `${money(rate.amount, rate.currency)}/h`;
  if (rate.currency !== project.currency) {
    return { score: NEUTRAL_SCORE, text: `Rate ${shown} is in ${rate.currency}, the budget in ${project.currency}: not compared` };
  }
  const range = moneyRange(project.budgetMin, project.budgetMax, project.currency);
  if (project.budgetType === "hourly") {
    if (rate.amount > project.budgetMax) {
      const over = (rate.amount - project.budgetMax) / project.budgetMax;
      return { score: clamp01(1 - 2 * over), text: `Rate ${shown} is above the ${range} budget` };
    }
    if (rate.amount < project.budgetMin) return { score: 0.9, text: `Rate ${shown} is below the ${range} budget` };
    return { score: 1, text: `Rate ${shown} fits the ${range} budget` };
  }
  const needed = HOURS_FOR_DURATION[project.duration ?? "unknown"];
  const hours = Math.floor(project.budgetMax / rate.amount);
  const score = clamp01(hours / needed);
  const verdict = score >= 1 ? "enough for" : "short of";
  return {
    score,
    text: `At ${shown} the ${money(project.budgetMax, project.currency)} budget buys about ${plural(hours, "hour")}, ${verdict} the ~${needed} the project needs`,
  };
}

// ---------------------------------------------------------------- reputation

/** The rating pulled towards the prior: (C·m + n·avg) / (C + n). */
export function bayesianRating(average: number, count: number): number {
  const n = Math.max(0, count);
  return (RATING_PRIOR_COUNT * RATING_PRIOR_MEAN + n * average) / (RATING_PRIOR_COUNT + n);
}

/** The Bayesian rating mapped from 3..5 stars to 0..1 (no reviews: the prior, 4.0, scores 0.5). */
export function ratingFit(average: number, count: number): FactorResult {
  const score = clamp01((bayesianRating(average, count) - 3) / 2);
  if (count <= 0) return { score, text: "No reviews yet" };
  return { score, text: `${average.toFixed(1)}★ average from ${plural(count, "review")}` };
}

/**
 * Positive share of finished contracts (the reviews area's job success rule), shrunk towards the prior, mapped
 * from 50%..100% to 0..1; neutral below the minimum the profile needs to show a job success figure.
 */
export function jobSuccessFit(successes: number, finished: number): FactorResult {
  if (finished < JOB_SUCCESS_MIN_CONTRACTS) {
    return {
      score: NEUTRAL_SCORE,
      text: finished > 0 ? `Only ${plural(finished, "finished contract")} so far` : "No finished contracts yet",
    };
  }
  const shrunk = (JOB_SUCCESS_PRIOR_COUNT * JOB_SUCCESS_PRIOR_RATE + successes) / (JOB_SUCCESS_PRIOR_COUNT + finished);
  const shown = Math.round((100 * successes) / finished);
  return { score: clamp01((shrunk - 0.5) / 0.5), text: `${shown}% job success over ${plural(finished, "finished contract")}` };
}

// ---------------------------------------------------------------- availability

/** Hours a week a project of this length wants from its freelancer. */
export const WEEKLY_HOURS_FOR_DURATION: Record<ProjectDuration | "unknown", number> = {
  less_than_week: 10,
  "1_to_4_weeks": 15,
  "1_to_3_months": 20,
  "3_to_6_months": 25,
  more_than_6_months: 30,
  unknown: 20,
};

/** Offered hours against needed hours (capped at 1), times 0.9 with one or two active contracts, 0.6 with more. */
export function availabilityFit(hoursPerWeek: number | null, activeContracts: number, duration: ProjectDuration | null): FactorResult {
  if (hoursPerWeek === null) return { score: NEUTRAL_SCORE, text: "Weekly availability not stated" };
  const needed = WEEKLY_HOURS_FOR_DURATION[duration ?? "unknown"];
  const busy = activeContracts >= 3 ? 0.6 : activeContracts >= 1 ? 0.9 : 1;
  const busyText = activeContracts > 0 ? `, ${plural(activeContracts, "active contract")}` : "";
  return {
    score: clamp01((hoursPerWeek / needed) * busy),
    text: `${hoursPerWeek} h/week available (about ${needed} needed)${busyText}`,
  };
}

// ---------------------------------------------------------------- time zones

/** Building an Intl formatter is costly and a market has few zones: one per zone per isolate. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    if (offsetFormats.size < 1000) offsetFormats.set(zone, format);
  }
  return format;
}

/** Offsets by zone and hour: they change only at daylight-saving switches, always on the hour. */
const offsets = new Map<string, number | null>();

/** Minutes east of UTC of an IANA zone at an instant; null for an unknown zone. */
export function utcOffsetMinutes(zone: string, at: Date): number | null {
  const key = `${zone}@${Math.floor(at.getTime() / 3_600_000)}`;
  if (offsets.has(key)) return offsets.get(key)!;
  const offset = computeOffset(zone, at);
  if (offsets.size > 5000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function computeOffset(zone: string, at: Date): number | null {
  try {
    const name = offsetFormat(zone)
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) return null;
    const match = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?/.exec(name);
    if (!match) return null;
    if (!match[1]) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return match[1] === "-" ? -minutes : minutes;
  } catch {
    return null;
  }
}

const WORKDAY_HOURS = 8;

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

/** Shared hours of two 09:00-17:00 working days, out of 8 (the offsets' distance wraps around the clock). */
export function timezoneFit(freelancerZone: string, clientZone: string | null, at: Date): FactorResult {
  const mine = utcOffsetMinutes(freelancerZone, at);
  const theirs = clientZone ? utcOffsetMinutes(clientZone, at) : null;
  if (mine === null || theirs === null) return { score: NEUTRAL_SCORE, text: "The client's time zone is not known" };
  const apart = Math.abs(mine - theirs) % (24 * 60);
  const distanceHours = Math.min(apart, 24 * 60 - apart) / 60;
  const overlap = Math.max(0, WORKDAY_HOURS - distanceHours);
  const shown = Number.isInteger(overlap) ? String(overlap) : overlap.toFixed(1);
  return {
    score: clamp01(overlap / WORKDAY_HOURS),
    text: `${shown} of ${WORKDAY_HOURS} working hours overlap with the client (${offsetLabel(mine)} and ${offsetLabel(theirs)})`,
  };
}

// ---------------------------------------------------------------- activity

/** 1 when active in the last ACTIVITY_FRESH_DAYS, falling linearly to ACTIVITY_FLOOR at ACTIVITY_STALE_DAYS. */
export function activityFit(lastActiveAt: Date | null, now: Date): FactorResult {
  if (!lastActiveAt) return { score: ACTIVITY_FLOOR, text: "No activity yet" };
  const days = Math.max(0, Math.floor((now.getTime() - lastActiveAt.getTime()) / DAY_MS));
  const span = ACTIVITY_STALE_DAYS - ACTIVITY_FRESH_DAYS;
  const score =
    days <= ACTIVITY_FRESH_DAYS ? 1 : Math.max(ACTIVITY_FLOOR, 1 - ((1 - ACTIVITY_FLOOR) * (days - ACTIVITY_FRESH_DAYS)) / span);
  const when = days === 0 ? "today" : days < 60 ? `${plural(days, "day")} ago` : `${plural(Math.floor(days / 30), "month")} ago`;
  return { score, text: `Last active ${when}` };
}
