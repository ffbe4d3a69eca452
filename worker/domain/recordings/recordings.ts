import { and, desc, eq, inArray, lt, ne } from "drizzle-orm";
import { callParticipants, callRecordingParticipants, callRecordings, calls, users, type CallRecording } from "../../../db/schema";
import type { RecordingKind } from "../../../db/schema/values";
import { isLive } from "../calls/rules";
import type { DomainContext, FileStore } from "../context";
import { AppError } from "../errors";
import { requireMembership } from "../messaging/conversations";
import {
  chunkKey,
  RECORDING_CHUNK_MAX_BYTES,
  RECORDING_CONTENT_TYPES,
  RECORDING_LATE_CHUNK_MS,
  RECORDING_MAX_BYTES,
  RECORDING_RETENTION_MS,
  RECORDINGS_PAGE_MAX,
  WEBM_MAGIC,
} from "./rules";
import { toRecordingView, type RecordingView } from "./views";

export const recordingNotFound = () => new AppError(404, "not_found", "No such recording.");

function bucketOf(ctx: DomainContext): FileStore {
  if (!ctx.files) throw new Error("No file bucket is wired into this domain context.");
  return ctx.files;
}

async function views(ctx: DomainContext, rows: CallRecording[]): Promise<RecordingView[]> {
  if (rows.length === 0) return [];
  const people = await ctx.db
    .select({ recordingId: callRecordingParticipants.recordingId, userId: callRecordingParticipants.userId, name: users.name })
    .from(callRecordingParticipants)
    .innerJoin(users, eq(users.id, callRecordingParticipants.userId))
    .where(
      inArray(
        callRecordingParticipants.recordingId,
        rows.map((r) => r.id),
      ),
    );
  const names = new Map(people.map((p) => [p.userId, p.name]));
  return rows.map((row) =>
    toRecordingView(
      row,
      names,
      people.filter((p) => p.recordingId === row.id).map((p) => p.userId),
    ),
  );
}

/** The recording, for someone who agreed to it; everyone else gets the answer for a recording that does not exist. */
async function requireRecordingParticipant(ctx: DomainContext, recordingId: string, userId: string): Promise<CallRecording> {
  const [row] = await ctx.db
    .select({ recording: callRecordings })
    .from(callRecordings)
    .innerJoin(
      callRecordingParticipants,
      and(eq(callRecordingParticipants.recordingId, callRecordings.id), eq(callRecordingParticipants.userId, userId)),
    )
    .where(eq(callRecordings.id, recordingId))
    .limit(1);
  if (!row) throw recordingNotFound();
  return row.recording;
}

/**
 * Called by the call room once everyone in the call agreed: the call must be going on and everyone named must be
 * in it. The browser of `recordedBy` then uploads the pieces.
 */
export async function startRecording(
  ctx: DomainContext,
  callId: string,
  input: { recordedBy: string; kind: RecordingKind; agreedBy: string[] },
): Promise<RecordingView> {
  const call = await ctx.db.query.calls.findFirst({ where: eq(calls.id, callId) });
  if (!call || !isLive(call.status)) throw new AppError(409, "call_over", "This call has already finished.");
  const agreed = [...new Set(input.agreedBy)];
  if (!agreed.includes(input.recordedBy)) throw new AppError(422, "consent_missing", "The person recording must agree too.");
  const members = await ctx.db
    .select({ userId: callParticipants.userId })
    .from(callParticipants)
    .where(and(eq(callParticipants.callId, callId), inArray(callParticipants.userId, agreed)));
  if (members.length !== agreed.length) throw new AppError(422, "consent_missing", "Only people in the call can agree to record it.");
  const now = ctx.clock.now();
  const id = ctx.newId();
  const [inserted] = await ctx.db.batch([
    ctx.db
      .insert(callRecordings)
      .values({
        id,
        callId,
        conversationId: call.conversationId,
        recordedBy: input.recordedBy,
        kind: input.kind,
        status: "recording",
        startedAt: now,
        createdAt: now,
      })
      .returning(),
    ctx.db.insert(callRecordingParticipants).values(agreed.map((userId) => ({ recordingId: id, userId, agreedAt: now }))),
  ]);
  const [result] = await views(ctx, inserted);
  return result;
}

function refuse(status: 409 | 413 | 415 | 422, code: string, message: string): AppError {
  return new AppError(status, code, message, { file: [message] });
}

/** A piece past the size limit, refused as soon as its size is known. */
export const recordingPieceTooLarge = () => refuse(413, "file_too_large", "A piece of a recording can be at most 8 MB.");

/**
 * Stores piece `seq` of a recording (its recorder only, in order). A piece sent again (a retry after a lost answer)
 * is acknowledged without change. WebM of the recording's kind only, at most 8 MB a piece; the first piece must
 * start a WebM file.
 */
export async function storeRecordingChunk(
  ctx: DomainContext,
  userId: string,
  recordingId: string,
  input: { seq: number; contentType: string | null; bytes: Uint8Array },
): Promise<RecordingView> {
  const row = await requireRecordingParticipant(ctx, recordingId, userId);
  if (row.recordedBy !== userId) throw new AppError(403, "forbidden", "Only the browser that records this call uploads it.");
  const now = ctx.clock.now();
  const late = row.status === "ready" && row.endedAt && now.getTime() - row.endedAt.getTime() <= RECORDING_LATE_CHUNK_MS;
  if (row.status !== "recording" && !late) throw new AppError(409, "recording_over", "This recording has finished.");
  const expected = RECORDING_CONTENT_TYPES[row.kind];
  const mediaType = (input.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== expected) throw refuse(415, "unsupported_file_type", `Send the recording as ${expected}.`);
  if (input.bytes.byteLength === 0) throw refuse(422, "empty_file", "The piece is empty.");
  if (input.bytes.byteLength > RECORDING_CHUNK_MAX_BYTES) throw recordingPieceTooLarge();
  if (row.bytes + input.bytes.byteLength > RECORDING_MAX_BYTES) throw refuse(413, "file_too_large", "A recording can be at most 2 GB.");
  if (input.seq < row.chunkCount) return (await views(ctx, [row]))[0];
  if (input.seq > row.chunkCount) throw refuse(409, "chunk_out_of_order", `Send piece ${row.chunkCount} first.`);
  if (input.seq === 0 && !WEBM_MAGIC.every((b, i) => input.bytes[i] === b)) {
    throw refuse(415, "unsupported_file_type", "A recording starts with a WebM header.");
  }
  await bucketOf(ctx).put(chunkKey(row.id, input.seq), input.bytes, { httpMetadata: { contentType: expected } });
  const [updated] = await ctx.db
    .update(callRecordings)
    .set({ chunkCount: input.seq + 1, bytes: row.bytes + input.bytes.byteLength, lastChunkAt: now })
    .where(and(eq(callRecordings.id, row.id), eq(callRecordings.chunkCount, input.seq)))
    .returning();
  return (await views(ctx, [updated ?? row]))[0];
}

/** Marks a recording finished (stopped, its recorder gone, or the call over); the last piece may still arrive. */
export async function finishRecording(ctx: DomainContext, recordingId: string): Promise<void> {
  await ctx.db
    .update(callRecordings)
    .set({ status: "ready", endedAt: ctx.clock.now() })
    .where(and(eq(callRecordings.id, recordingId), eq(callRecordings.status, "recording")));
}

/** Finishes whatever is still recording in a call (its room calls this when the call ends). */
export async function finishCallRecordings(ctx: DomainContext, callId: string): Promise<void> {
  await ctx.db
    .update(callRecordings)
    .set({ status: "ready", endedAt: ctx.clock.now() })
    .where(and(eq(callRecordings.callId, callId), eq(callRecordings.status, "recording")));
}

/** A conversation's recordings that the viewer took part in, newest first, deleted ones included (the history says so). */
export async function listConversationRecordings(
  ctx: DomainContext,
  userId: string,
  conversationId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: RecordingView[]; nextCursor: string | null }> {
  await requireMembership(ctx, conversationId, userId);
  const limit = Math.min(Math.max(page.limit, 1), RECORDINGS_PAGE_MAX);
  const rows = await ctx.db
    .select({ recording: callRecordings })
    .from(callRecordings)
    .innerJoin(
      callRecordingParticipants,
      and(eq(callRecordingParticipants.recordingId, callRecordings.id), eq(callRecordingParticipants.userId, userId)),
    )
    .where(and(eq(callRecordings.conversationId, conversationId), page.cursor ? lt(callRecordings.id, page.cursor) : undefined))
    .orderBy(desc(callRecordings.id))
    .limit(limit + 1);
  const pageRows = rows.slice(0, limit).map((r) => r.recording);
  return { items: await views(ctx, pageRows), nextCursor: rows.length > limit ? (pageRows.at(-1)?.id ?? null) : null };
}

export async function getRecording(ctx: DomainContext, userId: string, recordingId: string): Promise<RecordingView> {
  return (await views(ctx, [await requireRecordingParticipant(ctx, recordingId, userId)]))[0];
}

/** The recording's bytes, its pieces read from R2 one after another, for those who agreed to it. */
export async function openRecordingFile(
  ctx: DomainContext,
  userId: string,
  recordingId: string,
): Promise<{ recording: RecordingView; body: ReadableStream<Uint8Array> }> {
  const row = await requireRecordingParticipant(ctx, recordingId, userId);
  if (row.status === "deleted") throw new AppError(410, "recording_deleted", "This recording was deleted after 30 days.");
  if (row.chunkCount === 0) throw new AppError(409, "recording_empty", "Nothing of this recording has arrived yet.");
  const bucket = bucketOf(ctx);
  let seq = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seq >= row.chunkCount) return controller.close();
      const object = await bucket.get(chunkKey(row.id, seq++));
      if (!object) return controller.error(new Error(`piece ${seq - 1} of recording ${row.id} is missing`));
      controller.enqueue(new Uint8Array(await object.arrayBuffer()));
    },
  });
  return { recording: (await views(ctx, [row]))[0], body };
}

/** The daily task: recordings older than 30 days lose their bytes; the history keeps a line saying so. */
export async function deleteExpiredRecordings(ctx: DomainContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - RECORDING_RETENTION_MS);
  const rows = await ctx.db
    .select()
    .from(callRecordings)
    .where(and(ne(callRecordings.status, "deleted"), lt(callRecordings.startedAt, cutoff)))
    .limit(500);
  let deleted = 0;
  for (const row of rows) {
    const keys = Array.from({ length: row.chunkCount }, (_, seq) => chunkKey(row.id, seq));
    // R2 deletes at most 1,000 keys a call.
    for (let i = 0; i < keys.length; i += 1000) await bucketOf(ctx).delete(keys.slice(i, i + 1000));
    await ctx.db
      .update(callRecordings)
      .set({ status: "deleted", deletedAt: ctx.clock.now(), endedAt: row.endedAt ?? row.lastChunkAt ?? row.startedAt })
      .where(eq(callRecordings.id, row.id));
    deleted++;
  }
  return deleted;
}
