import type { AppLoadContext } from "@remix-run/cloudflare";
import type { DomainContext } from "../../worker/domain/context";
import { AppError } from "../../worker/domain/errors";
import { readVars, type Vars } from "../../worker/env";
import { requestMeta } from "../../worker/request-meta";

export { AppError, requestMeta };

/** A domain's 404 becomes the page's not-found answer, in the domain's own words (they are written once, there). */
export function throwIfNotFound(error: unknown): void {
  if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
}

/** The request's one domain context, built by the load context (app/load-context.ts); every call answers the same. */
export function domainFrom(context: AppLoadContext): DomainContext {
  return context.domain;
}

export function varsFrom(context: AppLoadContext): Vars {
  return readVars(context.cloudflare.env as unknown as Record<string, unknown>);
}

/** Sign-in providers whose client id and secret are both set. */
export function oauthProvidersFrom(context: AppLoadContext): Array<{ id: "google" | "github"; label: string }> {
  const vars = varsFrom(context);
  const providers: Array<{ id: "google" | "github"; label: string }> = [];
  if (vars.GOOGLE_CLIENT_ID && vars.GOOGLE_CLIENT_SECRET) providers.push({ id: "google", label: "Google" });
  if (vars.GITHUB_CLIENT_ID && vars.GITHUB_CLIENT_SECRET) providers.push({ id: "github", label: "GitHub" });
  return providers;
}
