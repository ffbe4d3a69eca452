import { z } from "@hono/zod-openapi";
import { meetingsQuery, proposeMeetingInput, rescheduleMeetingInput } from "../domain/meetings/inputs";
import {
  acceptMeeting,
  declineMeeting,
  getMeeting,
  listMeetings,
  meetingCalendarFile,
  meetingNotFound,
  proposeMeeting,
  rescheduleMeeting,
} from "../domain/meetings/meetings";
import { idParam } from "../domain/messaging/inputs";
import { meetingViewSchema } from "../domain/meetings/view-schema";
import { pageSchema } from "../domain/shared/views";
import { createRouter, type Router } from "./context";
import { errorResponse, jsonRoute, SIGNED_IN } from "./openapi";
import { requireViewer } from "./viewer";

const tags = ["meetings"];
const params = z.object({ id: idParam });
const meetingBody = z.object({ meeting: meetingViewSchema });

const router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/",
      tags,
      auth: true,
      summary: "Propose a meeting from a conversation or a contract (title, start, 15–120 minutes); the other side answers it",
      body: proposeMeetingInput,
      ok: { status: 201, description: "{meeting}", schema: meetingBody },
      errors: [404, 422],
    }),
    async (c) => c.json({ meeting: await proposeMeeting(c.get("domain"), requireViewer(c), c.req.valid("json")) }, 201),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Your meetings starting in [from, to), earliest first (every status), paginated",
      query: meetingsQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(meetingViewSchema) },
      errors: [422],
    }),
    async (c) => c.json(await listMeetings(c.get("domain"), requireViewer(c).user.id, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One meeting (its two members only)",
      params,
      ok: { status: 200, description: "{meeting}", schema: meetingBody },
      errors: [404],
    }),
    async (c) => c.json({ meeting: await getMeeting(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id) }, 200),
  );

router.get("/:id/ics", async (c) => {
  const id = idParam.safeParse(c.req.param("id"));
  if (!id.success) throw meetingNotFound();
  const file = await meetingCalendarFile(c.get("domain"), requireViewer(c).user.id, id.data);
  return c.body(file.text, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Cache-Control": "private, no-store",
  });
});

router.openAPIRegistry.registerPath({
  method: "get",
  path: "/{id}/ics",
  tags,
  summary: "The meeting as an iCalendar file for calendar apps: a stable UID, DTSTART/DTEND in UTC, SEQUENCE grows with each new time",
  security: SIGNED_IN,
  request: { params },
  responses: {
    200: { description: "The .ics file (CRLF lines)", content: { "text/calendar": { schema: z.string() } } },
    401: errorResponse("Not signed in"),
    404: errorResponse("Not found"),
  },
});

const answers = [
  ["accept", "Accept a proposed time (the side that did not propose it); both get the calendar invitation", acceptMeeting],
  ["decline", "Decline a proposed time (the side that did not propose it)", declineMeeting],
] as const;

for (const [action, summary, run] of answers) {
  router.openapi(
    jsonRoute({
      method: "post",
      path: `/{id}/${action}`,
      tags,
      auth: true,
      summary,
      params,
      ok: { status: 200, description: "{meeting}", schema: meetingBody },
      errors: [403, 404, 409],
    }),
    async (c) => c.json({ meeting: await run(c.get("domain"), requireViewer(c), c.req.valid("param").id) }, 200),
  );
}

router.openapi(
  jsonRoute({
    method: "post",
    path: "/{id}/reschedule",
    tags,
    auth: true,
    summary: "Propose another time (either side, while proposed or accepted); the other side answers again",
    params,
    body: rescheduleMeetingInput,
    ok: { status: 200, description: "{meeting}", schema: meetingBody },
    errors: [404, 409, 422],
  }),
  async (c) =>
    c.json({ meeting: await rescheduleMeeting(c.get("domain"), requireViewer(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
);

export const meetingRoutes: Router = router;
