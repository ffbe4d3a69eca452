/**
 * Who a client hires among a project's applicants in the demo market. It is the seed's own model of a client's
 * decision, written apart from the matching engine (worker/domain/matching) and never calling it, so the hires
 * can serve as labels for evaluating the engine (scripts/eval-matching.ts) without judging it by itself.
 *
 * The client reads what a person would read and weighs it their own way: the share of the project's skill names
 * on the profile (exact names only, no taxonomy), the star rating trusted by its number of reviews, the rate
 * against the budget, years of experience against the level asked, the time difference, and taste (Gumbel noise,
 * which makes this a logit choice: better-looking applicants win more often, not always).
 */
import { rngFor, type Rng } from "./market-random";

export interface Applicant {
  skillNames: string[];
  years: number;
  hourlyRate: number;
  ratingAvg: number;
  ratingCount: number;
  timezone: string;
}

export interface HiringProject {
  skillNames: string[];
  budgetType: "fixed" | "hourly";
  budgetMin: number;
  budgetMax: number;
  experienceLevel: "entry" | "intermediate" | "expert";
  weeks: number;
  clientTimezone: string;
}

const YEARS_WANTED = { entry: 0, intermediate: 3, expert: 7 } as const;
const NOISE_SCALE = 0.6;

const formats = new Map<string, Intl.DateTimeFormat>();

const offsets = new Map<string, number>();

/** The zone's UTC offset at `at`, remembered per zone and instant (a market is generated at one instant). */
function offsetHours(zone: string, at: Date): number {
  const key = `${zone}@${at.getTime()}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  if (offsets.size > 10_000) offsets.clear();
  const hours = computeOffsetHours(zone, at);
  offsets.set(key, hours);
  return hours;
}

function computeOffsetHours(zone: string, at: Date): number {
  const format =
    formats.get(zone) ?? formats.set(zone, new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })).get(zone)!;
  const name = format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) + Number(m[3] ?? 0) / 60) : 0;
}

function gumbel(rng: Rng): number {
  return -Math.log(-Math.log(Math.min(1 - 1e-12, Math.max(1e-12, rng()))));
}

/** The client's view of one applicant, before taste. */
export function hireAppeal(project: HiringProject, a: Applicant, at: Date): number {
  const mine = new Set(a.skillNames);
  const skills = project.skillNames.filter((s) => mine.has(s)).length / Math.max(1, project.skillNames.length);
  const reputation = a.ratingCount > 0 ? (a.ratingAvg - 4.2) * Math.min(1, a.ratingCount / 15) : -0.4;
  // What the client pays per hour of work: the rate itself, or the budget spread over the weeks at 25 h.
  const affordable = project.budgetType === "hourly" ? project.budgetMax : project.budgetMax / Math.max(10, project.weeks * 25);
  const price = a.hourlyRate <= affordable ? 0 : -Math.min(2, (a.hourlyRate - affordable) / affordable);
  const experience = a.years >= YEARS_WANTED[project.experienceLevel] ? 0 : -0.5;
  const apart = Math.abs(offsetHours(a.timezone, at) - offsetHours(project.clientTimezone, at)) % 24;
  const closeness = 1 - Math.min(1, Math.max(0, Math.min(apart, 24 - apart) - 3) / 7);
  return 2.5 * skills + 1.5 * reputation + 1.0 * price + 0.6 * experience + 0.5 * closeness;
}

/** Index (into `applicants`) of the one the client hires: highest appeal plus taste from the project's own stream. */
export function pickHire(seed: number, projectIndex: number, project: HiringProject, applicants: Applicant[], at: Date): number {
  const rng = rngFor(seed, "hire", projectIndex);
  let best = -1;
  let bestUtility = -Infinity;
  applicants.forEach((a, i) => {
    const utility = hireAppeal(project, a, at) + NOISE_SCALE * gumbel(rng);
    if (utility > bestUtility) {
      bestUtility = utility;
      best = i;
    }
  });
  return best;
}
