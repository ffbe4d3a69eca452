import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contracts } from "./marketplace-projects";
import { conversations } from "./messaging";
import { users } from "./users";
import type { MeetingStatus } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A meeting between a conversation's two members (proposed there or from its contract). `proposedBy` made the
 * latest proposal (the first or a new time) and waits for the other to answer; `sequence` counts changes, as
 * calendar invitations need. Each side's time zone is the one their browser reported when they last acted.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: idColumn(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contractId: text("contract_id").references(() => contracts.id),
    organizerId: text("organizer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    inviteeId: text("invitee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    status: text("status").$type<MeetingStatus>().notNull(),
    sequence: integer("sequence").notNull().default(0),
    organizerTimeZone: text("organizer_time_zone"),
    inviteeTimeZone: text("invitee_time_zone"),
    /** The start time both sides were reminded of: one reminder per time, however often the job runs. */
    remindedFor: timestamp("reminded_for"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    index("meetings_organizer_idx").on(t.organizerId, t.startsAt),
    index("meetings_invitee_idx").on(t.inviteeId, t.startsAt),
    index("meetings_conversation_idx").on(t.conversationId, t.startsAt),
    index("meetings_status_starts_idx").on(t.status, t.startsAt),
    check("meetings_status_known", sql`${t.status} IN ('proposed', 'accepted', 'declined')`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
