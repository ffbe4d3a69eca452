import { z } from "@hono/zod-openapi";
import { AppError } from "../domain/errors";
import { idParam } from "../domain/messaging/inputs";
import {
  getRecording,
  listConversationRecordings,
  openRecordingFile,
  recordingNotFound,
  recordingPieceTooLarge,
  storeRecordingChunk,
} from "../domain/recordings/recordings";
import { RECORDING_CHUNK_MAX_BYTES, RECORDINGS_PAGE_MAX } from "../domain/recordings/rules";
import { recordingViewSchema } from "../domain/recordings/view-schema";
import { pageSchema } from "../domain/shared/views";
import { createRouter, type Router } from "./context";
import { errorResponse, jsonRoute, SIGNED_IN } from "./openapi";
import { requireViewer } from "./viewer";

const tags = ["recordings"];
const params = z.object({ id: idParam });
const recordingBody = z.object({ recording: recordingViewSchema });
const binary = z.string().openapi({ format: "binary" });

const router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/recordings/{id}",
      tags,
      auth: true,
      summary: "One call recording (the people who agreed to it only)",
      params,
      ok: { status: 200, description: "{recording}", schema: recordingBody },
      errors: [404],
    }),
    async (c) => c.json({ recording: await getRecording(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/conversations/{id}/recordings",
      tags,
      auth: true,
      summary: "A conversation's call recordings you took part in, newest first; deleted ones stay listed with their date",
      params,
      query: z.object({
        cursor: idParam.optional(),
        limit: z.coerce.number().int().min(1).max(RECORDINGS_PAGE_MAX).default(20),
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: pageSchema(recordingViewSchema) },
      errors: [404, 422],
    }),
    async (c) =>
      c.json(
        await listConversationRecordings(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id, c.req.valid("query")),
        200,
      ),
  );

router.put("/recordings/:id/chunks/:seq", async (c) => {
  const viewer = requireViewer(c);
  const id = idParam.safeParse(c.req.param("id"));
  const seq = z.coerce.number().int().min(0).max(1_000_000).safeParse(c.req.param("seq"));
  if (!id.success) throw recordingNotFound();
  if (!seq.success) throw new AppError(422, "validation_failed", "The piece number is not valid.", { seq: ["Not a piece number."] });
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > RECORDING_CHUNK_MAX_BYTES) {
    throw recordingPieceTooLarge();
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const recording = await storeRecordingChunk(c.get("domain"), viewer.user.id, id.data, {
    seq: seq.data,
    contentType: c.req.header("Content-Type") ?? null,
    bytes,
  });
  return c.json({ recording }, 200);
});

router.get("/recordings/:id/file", async (c) => {
  const viewer = requireViewer(c);
  const id = idParam.safeParse(c.req.param("id"));
  if (!id.success) throw recordingNotFound();
  const { recording, body } = await openRecordingFile(c.get("domain"), viewer.user.id, id.data);
  const download = c.req.query("download") === "1";
  const filename = `call-recording-${recording.startedAt.slice(0, 10)}-${recording.id}.webm`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": recording.contentType,
      "Content-Length": String(recording.bytes),
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});

router.openAPIRegistry.registerPath({
  method: "put",
  path: "/recordings/{id}/chunks/{seq}",
  tags,
  summary:
    "Upload piece `seq` (0, 1, 2 …) of a recording while the call goes on (its recorder only): the raw WebM bytes with Content-Type audio/webm or video/webm as the recording's kind, at most 8 MB; a piece sent again is acknowledged unchanged",
  security: SIGNED_IN,
  request: {
    params: params.extend({ seq: z.string() }),
    body: { required: true, content: { "audio/webm": { schema: binary }, "video/webm": { schema: binary } } },
  },
  responses: {
    200: { description: "{recording}", content: { "application/json": { schema: recordingBody } } },
    401: errorResponse("Not signed in"),
    403: errorResponse("Not the recorder"),
    404: errorResponse("Not found"),
    409: errorResponse("Recording over, or a piece out of order"),
    413: errorResponse("Too large"),
    415: errorResponse("Not WebM of the recording's kind"),
    422: errorResponse("Empty piece or bad piece number"),
  },
});

router.openAPIRegistry.registerPath({
  method: "get",
  path: "/recordings/{id}/file",
  tags,
  summary: "The recording as one WebM file, for playback (inline) or download (`?download=1`); those who agreed to it only",
  security: SIGNED_IN,
  request: { params, query: z.object({ download: z.enum(["1"]).optional() }) },
  responses: {
    200: { description: "The recording's bytes (WebM)", content: { "audio/webm": { schema: binary }, "video/webm": { schema: binary } } },
    401: errorResponse("Not signed in"),
    404: errorResponse("Not found"),
    409: errorResponse("Nothing uploaded yet"),
    410: errorResponse("Deleted after 30 days"),
  },
});

export const recordingRoutes: Router = router;
