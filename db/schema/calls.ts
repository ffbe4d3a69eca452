import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contracts } from "./marketplace-projects";
import { conversations } from "./messaging";
import { users } from "./users";
import type { CallStatus } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A video call inside a conversation (started there or from the conversation's contract). */
export const calls = sqliteTable(
  "calls",
  {
    id: idColumn(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contractId: text("contract_id").references(() => contracts.id),
    startedBy: text("started_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").$type<CallStatus>().notNull(),
    startedAt: timestamp("started_at").notNull(),
    answeredAt: timestamp("answered_at"),
    endedAt: timestamp("ended_at"),
    /** Seconds from answer to end; null for a call nobody answered. */
    durationSeconds: integer("duration_seconds"),
  },
  (t) => [
    index("calls_conversation_idx").on(t.conversationId, t.id),
    index("calls_status_idx").on(t.status, t.startedAt),
    check("calls_status_known", sql`${t.status} IN ('ringing', 'active', 'declined', 'missed', 'ended')`),
  ],
);

export const callParticipants = sqliteTable(
  "call_participants",
  {
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Who added this person to a call that was already under way; null for the conversation's own members. */
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** When this person was last rung (the call's start, or their invitation). */
    invitedAt: timestamp("invited_at").notNull(),
    /** When they came into the call: the caller at the start, the others when they accepted. */
    answeredAt: timestamp("answered_at"),
    declinedAt: timestamp("declined_at"),
    /** When they hung up while the others carried on (a call of three or more). */
    leftAt: timestamp("left_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index("call_participants_user_idx").on(t.userId)],
);

/** A Cloudflare Calls session opened through our proxy, and the member who opened it (only they may use it). */
export const callMediaSessions = sqliteTable(
  "call_media_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("call_media_sessions_call_idx").on(t.callId)],
);

export type Call = typeof calls.$inferSelect;
export type CallParticipant = typeof callParticipants.$inferSelect;
