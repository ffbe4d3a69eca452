import { z } from "@hono/zod-openapi";
import { acceptCall, declineCall, endCall, getCall, listConversationCalls, startCall } from "../domain/calls/calls";
import { inviteesQuery, inviteToCallInput, startCallInput } from "../domain/calls/inputs";
import { inviteToCall, listInvitees } from "../domain/calls/invites";
import { relayMediaRequest } from "../domain/calls/media";
import { CALL_HISTORY_PAGE_DEFAULT, CALL_HISTORY_PAGE_MAX } from "../domain/calls/rules";
import { callNotFound } from "../domain/calls/access";
import { idParam } from "../domain/messaging/inputs";
import { callsForwarder } from "../platform/calls-proxy";
import { createRouter, type Router } from "./context";
import { errorResponse, jsonRoute, SIGNED_IN } from "./openapi";
import { requireViewer } from "./viewer";
import { callsPageSchema, callViewSchema, inviteesPageSchema } from "../domain/calls/view-schema";

const callBody = z.object({ call: callViewSchema });
const tags = ["calls"];
const params = z.object({ id: idParam });

const transition = (action: "accept" | "decline" | "end", summary: string, run: typeof acceptCall) =>
  [
    jsonRoute({
      method: "post",
      path: `/{id}/${action}`,
      tags,
      auth: true,
      summary,
      params,
      ok: { status: 200, description: "{call}", schema: callBody },
      errors: [403, 404, 409],
    }),
    run,
  ] as const;

const router = createRouter().openapi(
  jsonRoute({
    method: "post",
    path: "/",
    tags,
    auth: true,
    summary: "Start a video call from a conversation or a contract; the other side's tabs ring",
    body: startCallInput,
    ok: { status: 201, description: "{call}", schema: callBody },
    errors: [404, 409, 422],
  }),
  async (c) => {
    const call = await startCall(c.get("domain"), requireViewer(c), c.req.valid("json"));
    return c.json({ call }, 201);
  },
);

for (const [route, run] of [
  transition("accept", "Answer a ring (the people it rings only), or come back to a call you left", acceptCall),
  transition("decline", "Decline a ringing call (the people it rings only)", declineCall),
  transition("end", "Hang up: ends the call (or leaves it when two or more others remain), cancels or declines a ring", endCall),
]) {
  router.openapi(route, async (c) => {
    const viewer = requireViewer(c);
    return c.json({ call: await run(c.get("domain"), viewer.user.id, c.req.valid("param").id) }, 200);
  });
}

router.openapi(
  jsonRoute({
    method: "post",
    path: "/{id}/invite",
    tags,
    auth: true,
    summary: "Add someone you have a conversation with to a ringing or active call (people in the call only); they are rung",
    params,
    body: inviteToCallInput,
    ok: { status: 200, description: "{call}", schema: callBody },
    errors: [403, 404, 409, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json({ call: await inviteToCall(c.get("domain"), viewer, c.req.valid("param").id, c.req.valid("json")) }, 200);
  },
);

router.openapi(
  jsonRoute({
    method: "get",
    path: "/{id}/invitees",
    tags,
    auth: true,
    summary: "People the viewer could add to the call: their conversation partners not in it, by name, paginated",
    params,
    query: inviteesQuery,
    ok: { status: 200, description: "{items, nextCursor}", schema: inviteesPageSchema },
    errors: [403, 404, 409, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json(await listInvitees(c.get("domain"), viewer.user.id, c.req.valid("param").id, c.req.valid("query")), 200);
  },
);

router.openapi(
  jsonRoute({
    method: "get",
    path: "/{id}",
    tags,
    auth: true,
    summary: "One call (participants only)",
    params,
    ok: { status: 200, description: "{call}", schema: callBody },
    errors: [404],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json({ call: await getCall(c.get("domain"), viewer.user.id, c.req.valid("param").id) }, 200);
  },
);

// Cloudflare Calls' HTTP API through partytracks, for the call's participants; the app secret stays here.
router.all("/:id/partytracks/*", async (c) => {
  const viewer = requireViewer(c);
  const ctx = c.get("domain");
  const id = idParam.safeParse(c.req.param("id"));
  if (!id.success) throw callNotFound();
  const prefix = `/api/calls/${id.data}/partytracks`;
  const rest = new URL(c.req.url).pathname.slice(prefix.length);
  const forward = ctx.config.calls ? callsForwarder(ctx.config.calls, prefix) : () => Promise.reject(new Error("unreachable"));
  return relayMediaRequest(ctx, viewer, id.data, rest, c.req.raw, forward);
});

const MEDIA_ENDPOINTS = [
  { method: "post", path: "/generate-ice-servers", summary: "TURN/STUN servers for this call's peer connection" },
  { method: "post", path: "/sessions/new", summary: "Open a Calls session; it is bound to you and this call" },
  { method: "post", path: "/sessions/{sessionId}/tracks/new", summary: "Push your tracks or pull tracks of this call's other sessions" },
  { method: "put", path: "/sessions/{sessionId}/tracks/close", summary: "Close tracks of your session (allowed after the call ended)" },
  { method: "put", path: "/sessions/{sessionId}/tracks/update", summary: "Swap a pushed track in place (screen share)" },
  { method: "put", path: "/sessions/{sessionId}/renegotiate", summary: "Answer a renegotiation (allowed after the call ended)" },
] as const;

for (const endpoint of MEDIA_ENDPOINTS) {
  const calls = z.looseObject({}).openapi({ description: "Cloudflare Calls' own JSON, passed through unchanged" });
  router.openAPIRegistry.registerPath({
    method: endpoint.method,
    path: `/{id}/partytracks${endpoint.path}`,
    tags,
    summary: `Media proxy to Cloudflare Calls for the call's participants: ${endpoint.summary}`,
    security: SIGNED_IN,
    request: {
      params: endpoint.path.includes("{sessionId}") ? params.extend({ sessionId: z.string() }) : params,
      body: { required: false, content: { "application/json": { schema: calls } } },
    },
    responses: {
      200: { description: "Cloudflare Calls' answer", content: { "application/json": { schema: calls } } },
      401: errorResponse("Not signed in"),
      403: errorResponse("Not a participant, or the session is someone else's"),
      404: errorResponse("No such call, Calls not configured here, or an endpoint the proxy does not relay"),
      409: errorResponse("The call is over (only winding down is allowed)"),
    },
  });
}

export const callRoutes: Router = router;

/** GET /api/conversations/:id/calls — mounted beside the conversation routes. */
export const conversationCallRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/{id}/calls",
    tags,
    auth: true,
    summary: "A conversation's call history, newest first (who, when, how long)",
    params,
    query: z.object({
      cursor: idParam.optional(),
      limit: z.coerce.number().int().min(1).max(CALL_HISTORY_PAGE_MAX).default(CALL_HISTORY_PAGE_DEFAULT),
    }),
    ok: { status: 200, description: "{items, nextCursor}", schema: callsPageSchema },
    errors: [404, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    return c.json(await listConversationCalls(c.get("domain"), viewer.user.id, c.req.valid("param").id, c.req.valid("query")), 200);
  },
);
