import { isTimeZone } from "../../worker/domain/time/format";

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
