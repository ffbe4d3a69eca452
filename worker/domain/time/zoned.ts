import { FALLBACK_TIME_ZONE, isTimeZone } from "./format";

/** Minutes the zone is ahead of UTC at that moment (Europe/Berlin in winter: 60). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The moment a wall-clock time ("2026-12-08T10:30", as a datetime-local field sends it) names in a time zone;
 * null when it is not such a time. A time skipped by a clock change moves forward by the gap.
 */
export function zonedWallTimeToDate(local: string, timeZone: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const zone = isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  let guess = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** The wall-clock time of a moment in a zone, as a datetime-local field shows it ("2026-12-08T10:30"). */
export function dateToZonedWallTime(at: Date, timeZone: string | null | undefined): string {
  const zone = isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  const shifted = new Date(at.getTime() + zoneOffsetMinutes(at, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
