import { createRequestHandler, type ServerBuild } from "@remix-run/cloudflare";
import { routePartykitRequest } from "partyserver";
import { roomKindOf } from "../party/kinds";
// The Remix server build is produced by `vite build` before wrangler bundles this entry.
import * as remixBuild from "../build/server/index.js";
import { createApi } from "./api/app";
import type { Env } from "./env";
import { handleQueue, handleScheduled } from "./jobs";
import { installPrecompiledWasm } from "./platform/wasm/precompiled";
import { withSecurityHeaders } from "./security-headers";

installPrecompiledWasm();

export { PresenceRoom } from "../party/presence";
export { RateLimiterObject } from "./platform/rate-limiter";

const api = createApi();
const remix = createRequestHandler(remixBuild as unknown as ServerBuild);

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === "/api" || pathname.startsWith("/api/")) {
      return api.fetch(request, env, ctx);
    }
    if (pathname.startsWith("/parties/")) {
      const room = roomKindOf(pathname) ? await routePartykitRequest(request, env) : null;
      return room ?? Response.json({ error: { code: "not_found", message: "No such room" } }, { status: 404 });
    }
    const response = await remix(request, { cloudflare: { env, ctx } });
    return withSecurityHeaders(response);
  },
  async queue(batch, env, _ctx) {
    await handleQueue(batch, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(handleScheduled(controller, env));
  },
} satisfies ExportedHandler<Env>;
