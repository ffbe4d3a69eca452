import { routePartyTracksRequest } from "partytracks/server";
import type { CallsConfig } from "../domain/context";

/**
 * Forwards a browser's media request to the Calls HTTP API through partytracks' proxy, which adds the app
 * secret. Only the method, the body and its type go on: our cookies and tokens never leave for Cloudflare.
 * The answer carries only the body and its type back, so nothing of the upstream call reaches the browser.
 */
export function callsForwarder(config: CallsConfig, prefix: string) {
  return async (incoming: Request): Promise<Response> => {
    const body = incoming.method === "GET" || incoming.method === "HEAD" ? "" : await incoming.text();
    const headers = new Headers({ "Content-Length": String(new TextEncoder().encode(body).byteLength) });
    if (body) headers.set("Content-Type", incoming.headers.get("Content-Type") ?? "application/json");
    const request = new Request(incoming.url, { method: incoming.method, headers, body: body || undefined });
    const upstream = await routePartyTracksRequest({
      appId: config.appId,
      token: config.appSecret,
      realtimeApiBaseUrl: config.apiBase,
      prefix,
      request,
      // Sessions are bound to members in our database instead of partytracks' cookie (see relayMediaRequest).
      lockSessionToInitiator: false,
    });
    return new Response(await upstream.arrayBuffer(), {
      status: upstream.status,
      headers: { "Content-Type": upstream.headers.get("Content-Type") ?? "application/json", "Cache-Control": "no-store" },
    });
  };
}
