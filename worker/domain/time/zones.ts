/** Time zones of people: the rule for a valid zone, which zone a viewer sees, and a person's local time. Browser-safe. */
import { z } from "zod";
import { FALLBACK_TIME_ZONE, isTimeZone } from "./format";

/** An IANA time zone name this runtime knows ("Europe/Berlin"): the one rule for every zone a user gives us. */
export const timeZoneSchema = z.string().trim().refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin.");

/** The settings choice: a zone, or null to follow the browser's zone. */
export const timeZonePreferenceInput = z.object({ timeZone: timeZoneSchema.nullable() });
export type TimeZonePreferenceInput = z.infer<typeof timeZonePreferenceInput>;

/** The zone a page is written in for its viewer, and where it came from ("utc" only when nothing is known yet). */
export interface ViewerZone {
  timeZone: string;
  source: "chosen" | "browser" | "utc";
}

/** The viewer's own zone: the one chosen in settings, else the one their browser reported, else UTC (and said so). */
export function viewerZone(user: { timeZone: string | null } | null | undefined, browserZone: string | null): ViewerZone {
  if (isTimeZone(user?.timeZone)) return { timeZone: user.timeZone, source: "chosen" };
  if (isTimeZone(browserZone)) return { timeZone: browserZone, source: "browser" };
  return { timeZone: FALLBACK_TIME_ZONE, source: "utc" };
}

/**
 * Someone's local zone as the other party sees it: one they stated, never their browser's. Their choice in settings
 * first, then any other zone they gave (their freelancer profile's, the one they answered a meeting from), in
 * the order given; null when none is known.
 */
export function knownZone(chosen: string | null | undefined, ...stated: (string | null | undefined)[]): string | null {
  for (const zone of [chosen, ...stated]) if (isTimeZone(zone)) return zone;
  return null;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in a zone, 24-hour ("14:05"). */
export function formatClock(at: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(zone, format);
  }
  return format.format(at);
}

/** A zone's name for people: "Europe/London", "America/New York". */
export const zoneLabel = (timeZone: string) => timeZone.replace(/_/g, " ");
