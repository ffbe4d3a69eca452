import { createRequestHandler, type ServerBuild } from "@remix-run/cloudflare";
import { env as startupEnv } from "cloudflare:workers";
// The Remix server build is produced by `vite build` before wrangler bundles this entry.
import * as remixBuild from "../build/server/index.js";
import { createLoadContext } from "../app/load-context";
import { createApi } from "./api/app";
import { routeToRoom } from "./api/rooms-gate";
import { readVars, type Env } from "./env";
import { handleQueue, handleScheduled } from "./jobs/queue";
import { retryAfterHeaders } from "./domain/ops/unavailable";
import { installPrecompiledWasm } from "./platform/wasm/precompiled";
import { isLegacyDataRequest, legacyDataResponse } from "./legacy-data-request";
import { isSameOrigin } from "./request-meta";
import { withApiSecurityHeaders, withSecurityHeaders } from "./security-headers";

installPrecompiledWasm();
// A bad configuration (say, an APP_ORIGIN passkeys cannot work on) stops the Worker at start, not at the first request.
readVars(startupEnv as unknown as Record<string, unknown>);

export { PresenceRoom } from "../party/presence";
export { ConversationRoom } from "../party/conversation";
export { UserRoom } from "../party/user";
export { WhiteboardRoom } from "../party/whiteboard";
export { CallRoom } from "../party/call";
export { RateLimiterObject } from "./platform/rate-limiter";

const api = createApi();
const remix = createRequestHandler(remixBuild as unknown as ServerBuild);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A page whose loader or action failed because the database could not answer is a 503 to come back to, not a 500. */
function asUnavailable(response: Response): Response {
  if (response.status < 500) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(retryAfterHeaders())) headers.set(name, value);
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers });
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const { pathname } = url;
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      return withApiSecurityHeaders(await api.fetch(request, env, ctx));
    }
    if (pathname.startsWith("/parties/")) {
      return routeToRoom(request, env);
    }
    // Every state-changing page request rides on the session cookie, so it must come from our own pages.
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request, readVars(env as unknown as Record<string, unknown>).APP_ORIGIN)) {
      return withSecurityHeaders(
        new Response("Cross-site request refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
      );
    }
    if (isLegacyDataRequest(request, url)) return withSecurityHeaders(legacyDataResponse(url));
    const loadContext = createLoadContext(env, ctx);
    const response = await remix(request, loadContext);
    return withSecurityHeaders(loadContext.databaseUnavailable ? asUnavailable(response) : response);
  },
  async queue(batch, env, _ctx) {
    await handleQueue(batch, env);
  },
  async scheduled(controller, env, _ctx) {
    // Awaited, so a failure to enqueue marks this cron run as failed.
    await handleScheduled(controller, env);
  },
} satisfies ExportedHandler<Env>;
