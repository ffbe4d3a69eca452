import { dateToZonedWallTime } from "./zoned";

/**
 * ISO weeks: a week starts on Monday 00:00 and is named by that Monday's date (YYYY-MM-DD). Dates are calendar
 * days; which day a moment falls on is read in a time zone (on hourly contracts, the freelancer's), UTC unless given.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD) of the ISO week holding this calendar date. */
export function weekStartOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return utcDate(new Date(day.getTime() - sinceMonday * DAY_MS));
}

/** The calendar day a moment falls on in a time zone ("2026-12-07"). */
export function localDate(at: Date, timeZone: string | null = null): string {
  return timeZone ? dateToZonedWallTime(at, timeZone).slice(0, 10) : utcDate(at);
}

/** The Monday of the week a moment falls in, in a time zone (UTC unless given). */
export function weekStartAt(at: Date, timeZone: string | null = null): string {
  return weekStartOf(localDate(at, timeZone));
}

export function addDays(date: string, days: number): string {
  return utcDate(new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS));
}

/** The ISO week label of a Monday, e.g. "2026-W49" (the year is the Thursday's). */
export function isoWeekLabel(weekStart: string): string {
  const year = new Date(`${addDays(weekStart, 3)}T00:00:00Z`).getUTCFullYear();
  const firstMonday = weekStartOf(`${year}-01-04`);
  const weeks = Math.round((Date.parse(`${weekStart}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (7 * DAY_MS));
  return `${year}-W${String(weeks + 1).padStart(2, "0")}`;
}

/**
 * A week given as a Monday date or an ISO week label ("2026-W49"), as its Monday; null when it is neither.
 * Any date inside the week is accepted too and means that week.
 */
export function parseWeek(value: string): string | null {
  const label = /^(\d{4})-W(\d{2})$/.exec(value);
  if (label) {
    const [year, week] = [Number(label[1]), Number(label[2])];
    if (week < 1 || week > 53) return null;
    const monday = addDays(weekStartOf(`${year}-01-04`), (week - 1) * 7);
    return isoWeekLabel(monday) === value ? monday : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || utcDate(day) !== value) return null;
  return weekStartOf(value);
}

/** Minutes × hourly rate in minor units, rounded half up (BigInt: no float, no overflow). */
export function chargeForMinutes(minutes: number, hourlyRate: number): number {
  const scaled = BigInt(minutes) * BigInt(hourlyRate);
  return Number((scaled * 2n + 60n) / 120n);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}h` : h === 0 ? `${m}m` : `${h}h ${m}m`;
}
