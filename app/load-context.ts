import type { AppLoadContext } from "@remix-run/cloudflare";
import type { DomainContext } from "../worker/domain/context";
import type { Env } from "../worker/env";
import { domainContextFromEnv } from "../worker/platform/domain-context";

declare module "@remix-run/cloudflare" {
  interface AppLoadContext {
    cloudflare: { env: Env; ctx: ExecutionContext };
    /**
     * The request's one domain context (database, ports, payment providers), shared by every loader and action
     * the request runs. Built on first use, at most once per request.
     */
    readonly domain: DomainContext;
    /** Set when a loader or action failed because the database could not answer: the page is a 503, not a 500. */
    databaseUnavailable?: boolean;
  }
}

/** The load context of one page request (the Worker's entry makes one per request). */
export function createLoadContext(env: Env, ctx: ExecutionContext): AppLoadContext {
  let domain: DomainContext | undefined;
  return {
    cloudflare: { env, ctx },
    get domain() {
      return (domain ??= domainContextFromEnv(env));
    },
  };
}
