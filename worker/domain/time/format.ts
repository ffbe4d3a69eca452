/**
 * The one way dates and times are written: "7 Dec 2026, 00:26 UTC", in the viewer's time zone with the zone
 * shown. Web pages pass the zone their browser reported (see app/utils/time-zone.server.ts); e-mails and PDFs,
 * which cannot know it, write UTC and say so.
 */
export const FALLBACK_TIME_ZONE = "UTC";

const formats = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let found = formats.get(timeZone);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }),
      date: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }),
      zone: new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }),
    };
    formats.set(timeZone, found);
  }
  return found;
}

/** True for an IANA zone name this runtime knows ("Europe/Berlin"); such names are safe to keep in a cookie. */
export function isTimeZone(value: string | null | undefined): value is string {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const zoneOf = (timeZone: string | null | undefined) => (isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE);
const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/** The zone's short name at that moment: "UTC", "GMT", "CET", "GMT-5". */
export function zoneName(value: Date | string | number, timeZone?: string | null): string {
  const parts = formatsFor(zoneOf(timeZone)).zone.formatToParts(toDate(value));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zoneOf(timeZone);
}

/** "7 Dec 2026, 00:26 UTC". */
export function formatDateTime(value: Date | string | number, timeZone?: string | null): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  return `${formatsFor(zoneOf(timeZone)).dateTime.format(date)} ${zoneName(date, timeZone)}`;
}

/** "7 Dec 2026": the day it was in the viewer's zone. */
export function formatDate(value: Date | string | number, timeZone?: string | null): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  return formatsFor(zoneOf(timeZone)).date.format(date);
}

/** A calendar day stored as YYYY-MM-DD (a due date, a week's Monday), written like other dates: "7 Dec 2026". */
export function formatDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatsFor(FALLBACK_TIME_ZONE).date.format(new Date(`${day}T00:00:00Z`)) : day;
}
