import { cronMatches } from "./cron-match";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export function declaredCrons(): string[] {
  const toml = readFileSync(resolve(import.meta.dirname, "../wrangler.toml"), "utf8");
  const match = /crons\s*=\s*\[([^\]]*)\]/.exec(toml);
  return match ? [...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
}

/**
 * Runs the Worker's `scheduled()` for one cron expression through the runtime's own scheduled entry,
 * `/cdn-cgi/handler/scheduled`: the path Cloudflare documents for local Cron Triggers. (The wrangler we pin
 * needs a one-line backport to reach a Worker with static assets; see docs/decisions/006-local-cron.md.)
 */
export async function fireCron(baseUrl: string, cron: string): Promise<void> {
  const res = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`);
  const body = await res.text();
  if (!res.ok) throw new Error(`cron "${cron}" answered ${res.status}: ${body.slice(0, 200)}`);
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
      fireCron(baseUrl, cron)
        .then(() => say(`cron "${cron}" fired`))
        .catch((error: unknown) => say(`cron "${cron}" failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }, 5_000);
  return () => clearInterval(timer);
}
