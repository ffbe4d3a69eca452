import { and, eq, inArray } from "drizzle-orm";
import { callMediaSessions } from "../../../db/schema";
import type { Viewer } from "../auth/sessions";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { callOver, requireCallParticipant } from "./access";
import { isLive } from "./rules";

/** Sends one request on to the Calls API (with our credentials) and answers with its response. */
export type MediaForwarder = (request: Request) => Promise<Response>;

const notConfigured = () => new AppError(404, "calls_not_configured", "Group calls through Cloudflare Calls are not set up here.");
const notYours = () => new AppError(403, "forbidden", "This media session belongs to someone else.");

/**
 * The same-origin media proxy of a call (`/api/calls/:id/partytracks/<rest>`): only the call's participants
 * use it, a new Calls session is bound to the member who opened it, and every later request on a session
 * must come from that member. Pulling tracks is limited to sessions of the same call. Once the call is over
 * only winding down is allowed: closing one's own tracks, or finishing a renegotiation already under way.
 */
export async function relayMediaRequest(
  ctx: DomainContext,
  viewer: Viewer,
  callId: string,
  rest: string,
  request: Request,
  forward: MediaForwarder,
): Promise<Response> {
  if (!ctx.config.calls) throw notConfigured();
  const call = await requireCallParticipant(ctx, callId, viewer.user.id);
  const windingDown = /^\/sessions\/[^/]+\/(tracks\/close|renegotiate)$/.test(rest);
  if (!isLive(call.status) && !windingDown) throw callOver();
  if (rest === "/generate-ice-servers") return forward(request);
  if (rest === "/sessions/new") return openSession(ctx, viewer, callId, request, forward);
  const match = /^\/sessions\/([^/]+)\/(tracks\/new|tracks\/close|tracks\/update|renegotiate)$/.exec(rest);
  if (!match) throw new AppError(404, "not_found", "No such media endpoint.");
  const sessionId = match[1];
  const owned = await ctx.db.query.callMediaSessions.findFirst({ where: eq(callMediaSessions.sessionId, sessionId) });
  if (!owned || owned.userId !== viewer.user.id || owned.callId !== callId) throw notYours();
  if (match[2] === "tracks/new") await requireSameCallTracks(ctx, callId, request.clone() as Request);
  return forward(request);
}

async function openSession(ctx: DomainContext, viewer: Viewer, callId: string, request: Request, forward: MediaForwarder) {
  const response = await forward(request);
  if (!response.ok) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { sessionId?: unknown } | null;
  if (typeof body?.sessionId !== "string" || body.sessionId.length === 0) {
    throw new AppError(502, "calls_bad_answer", "Cloudflare Calls did not return a session.");
  }
  await ctx.db.insert(callMediaSessions).values({ sessionId: body.sessionId, callId, userId: viewer.user.id, createdAt: ctx.clock.now() });
  return response;
}

/** Tracks pulled from another session must come from a session of this call. */
async function requireSameCallTracks(ctx: DomainContext, callId: string, request: Request): Promise<void> {
  const body = (await request.json().catch(() => null)) as { tracks?: Array<{ location?: string; sessionId?: string }> } | null;
  const remote = [...new Set((body?.tracks ?? []).filter((t) => t.location === "remote").map((t) => String(t.sessionId)))];
  if (remote.length === 0) return;
  const known = await ctx.db
    .select({ sessionId: callMediaSessions.sessionId })
    .from(callMediaSessions)
    .where(and(eq(callMediaSessions.callId, callId), inArray(callMediaSessions.sessionId, remote)));
  if (known.length !== remote.length) throw new AppError(403, "forbidden", "Those tracks are not part of this call.");
}

/** True when every one of these Calls sessions was opened by this member for this call. */
export async function ownsMediaSessions(ctx: DomainContext, callId: string, userId: string, sessionIds: string[]): Promise<boolean> {
  if (sessionIds.length === 0) return true;
  const owned = await ctx.db
    .select({ sessionId: callMediaSessions.sessionId })
    .from(callMediaSessions)
    .where(
      and(eq(callMediaSessions.callId, callId), eq(callMediaSessions.userId, userId), inArray(callMediaSessions.sessionId, sessionIds)),
    );
  return owned.length === sessionIds.length;
}
