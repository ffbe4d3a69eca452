import { AppError } from "../errors";

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

/** A range of whole UTC days, both ends included, as YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

export const dayOf = (date: Date | number): string => new Date(date).toISOString().slice(0, 10);
export const startOf = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
/** The first millisecond after the range. */
export const endOf = (range: DayRange): number => startOf(range.to) + DAY_MS;
export const addDays = (day: string, n: number): string => dayOf(startOf(day) + n * DAY_MS);
export const daysIn = (range: DayRange): number => Math.round((endOf(range) - startOf(range.from)) / DAY_MS);

export function eachDay(range: DayRange): string[] {
  const days: string[] = [];
  for (let t = startOf(range.from); t < endOf(range); t += DAY_MS) days.push(dayOf(t));
  return days;
}

function validDay(value: string, field: "from" | "to"): string {
  if (!DAY_PATTERN.test(value) || Number.isNaN(startOf(value)) || dayOf(startOf(value)) !== value) {
    throw new AppError(422, "invalid_range", `"${field}" must be a date like 2026-01-31.`, { [field]: ["Use the form YYYY-MM-DD."] });
  }
  return value;
}

/** The asked range, or the last 30 days up to today; at most a year, never backwards. */
export function parseRange(input: { from?: string | null; to?: string | null }, now: Date): DayRange {
  const to = input.to ? validDay(input.to, "to") : dayOf(now);
  const from = input.from ? validDay(input.from, "from") : addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw new AppError(422, "invalid_range", "The start date is after the end date.", { from: ["Must not be after “to”."] });
  const range = { from, to };
  if (daysIn(range) > MAX_RANGE_DAYS) {
    throw new AppError(422, "invalid_range", `A range can span at most ${MAX_RANGE_DAYS} days.`, { from: ["Range too long."] });
  }
  return range;
}

/** The range of the same length that ends the day before `range` starts: what "compared with" means. */
export function previousRange(range: DayRange): DayRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Relative change from `before` to `now` (0.25 = +25%); null when there is nothing to compare with. */
export function change(now: number, before: number): number | null {
  if (before === 0) return now === 0 ? 0 : null;
  return (now - before) / before;
}
