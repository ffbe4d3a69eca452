import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { calls } from "./calls";
import { createdAtColumn, idColumn } from "./columns";
import { users } from "./users";
import type { RecordingKind, RecordingStatus } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A call recording, started once everyone in the call agreed. The recording browser uploads WebM chunks to R2
 * (`recordings/<id>/<seq>`) while the call goes on; the file is the chunks in order. Deleted after 30 days.
 */
export const callRecordings = sqliteTable(
  "call_recordings",
  {
    id: idColumn(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<RecordingKind>().notNull(),
    status: text("status").$type<RecordingStatus>().notNull(),
    chunkCount: integer("chunk_count").notNull().default(0),
    bytes: integer("bytes").notNull().default(0),
    startedAt: timestamp("started_at").notNull(),
    lastChunkAt: timestamp("last_chunk_at"),
    endedAt: timestamp("ended_at"),
    deletedAt: timestamp("deleted_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("call_recordings_conversation_idx").on(t.conversationId, t.id),
    index("call_recordings_status_started_idx").on(t.status, t.startedAt),
    check("call_recordings_status_known", sql`${t.status} IN ('recording', 'ready', 'deleted')`),
    check("call_recordings_kind_known", sql`${t.kind} IN ('audio', 'video')`),
  ],
);

/** Everyone who agreed, in the call, before the recording started: the only people who may play it. */
export const callRecordingParticipants = sqliteTable(
  "call_recording_participants",
  {
    recordingId: text("recording_id")
      .notNull()
      .references(() => callRecordings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agreedAt: timestamp("agreed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.userId] }), index("call_recording_participants_user_idx").on(t.userId)],
);

export type CallRecording = typeof callRecordings.$inferSelect;
