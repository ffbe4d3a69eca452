import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FALLBACK_TIME_ZONE } from "../../worker/domain/time/format";

/**
 * Runs before paint: stores the browser's time zone in the `tz` cookie, so every later page is rendered on the
 * server in the viewer's zone and hydrates to the same text. Until then pages show UTC, and say so.
 */
export const TIME_ZONE_BOOT = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;var m=document.cookie.match(/(?:^|; )tz=([^;]+)/);if(z&&(!m||decodeURIComponent(m[1])!==z)){document.cookie='tz='+encodeURIComponent(z)+'; Path=/; Max-Age=31536000; SameSite=Lax'}}catch(e){}})()`;

/** The zone every date on the page is written in: the root loader's, so server render and hydration agree. */
export function useTimeZone(): string {
  const data = useRouteLoaderData("root") as { timeZone?: string } | undefined;
  return data?.timeZone ?? FALLBACK_TIME_ZONE;
}

/** Where the page's zone came from: chosen in settings, the browser's, or UTC because neither is known yet. */
export function useTimeZoneSource(): "chosen" | "browser" | "utc" {
  const data = useRouteLoaderData("root") as { timeZoneSource?: "chosen" | "browser" | "utc" } | undefined;
  return data?.timeZoneSource ?? "utc";
}

/**
 * Now, for clocks on the page: the root loader's moment while rendering and hydrating (so both write the same
 * text), then the browser's clock, moving every half minute.
 */
export function useNow(): Date {
  const data = useRouteLoaderData("root") as { renderedAt?: number } | undefined;
  const [now, setNow] = useState(() => new Date(data?.renderedAt ?? 0));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
