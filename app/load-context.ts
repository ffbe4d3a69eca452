import type { Env } from "../worker/env";

declare module "@remix-run/cloudflare" {
  interface AppLoadContext {
    cloudflare: { env: Env; ctx: ExecutionContext };
    /** Set when a loader or action failed because the database could not answer: the page is a 503, not a 500. */
    databaseUnavailable?: boolean;
  }
}

export {};
