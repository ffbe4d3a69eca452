import { isTimeZone } from "../../worker/domain/time/format";
import { viewerZone, type ViewerZone } from "../../worker/domain/time/zones";

/** The viewer's IANA time zone, as their browser reported it in the `tz` cookie (see TIME_ZONE_BOOT); null before that. */
export function readTimeZone(request: Request): string | null {
  const match = /(?:^|;\s*)tz=([^;]+)/.exec(request.headers.get("Cookie") ?? "");
  if (!match) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return isTimeZone(zone) ? zone : null;
}

/**
 * The zone the viewer's pages are written in: the one they chose in settings, else their browser's, else UTC
 * (`source: "utc"`, which pages say). The same for the root loader and every form that reads a typed time.
 */
export function pageTimeZone(request: Request, user: { timeZone: string | null } | null | undefined): ViewerZone {
  return viewerZone(user, readTimeZone(request));
}

/** The viewer's zone when one is known (chosen or from the browser), for forms that pass it on; null otherwise. */
export function statedTimeZone(request: Request, user: { timeZone: string | null } | null | undefined): string | null {
  const zone = pageTimeZone(request, user);
  return zone.source === "utc" ? null : zone.timeZone;
}
