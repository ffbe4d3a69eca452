import { cronMatches } from "./cron-match";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export function declaredCrons(): string[] {
  const toml = readFileSync(resolve(import.meta.dirname, "../wrangler.toml"), "utf8");
  const match = /crons\s*=\s*\[([^\]]*)\]/.exec(toml);
  return match ? [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
}

/** Fires wrangler.toml's Cron Triggers against the local Worker at the minutes they name. */
export function startLocalCron(baseUrl: string, say: (message: string) => void): () => void {
  const crons = declaredCrons();
  let lastMinute = -1;
  const timer = setInterval(() => {
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    for (const cron of crons.filter((c) => cronMatches(c, now))) {
      fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`)
        .then((res) => say(`cron "${cron}" fired (${res.status})`))
        .catch((error) => say(`cron "${cron}" failed: ${error}`));
    }
  }, 5_000);
  return () => clearInterval(timer);
}
