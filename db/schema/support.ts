import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { users } from "./users";
import { SUPPORT_CATEGORIES, SUPPORT_STATUSES } from "./values";

export const supportTickets = sqliteTable(
  "support_tickets",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category", { enum: SUPPORT_CATEGORIES }).notNull(),
    subject: text("subject").notNull(),
    status: text("status", { enum: SUPPORT_STATUSES }).notNull().default("open"),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("support_tickets_user_idx").on(t.userId, t.updatedAt, t.id),
    index("support_tickets_status_idx").on(t.status, t.updatedAt, t.id),
  ],
);

export type SupportTicket = typeof supportTickets.$inferSelect;

export const supportMessages = sqliteTable(
  "support_messages",
  {
    id: idColumn(),
    ticketId: text("ticket_id")
      .notNull()
      .references(() => supportTickets.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** True when written by support staff (an admin) rather than the ticket's owner. */
    fromStaff: integer("from_staff", { mode: "boolean" }).notNull(),
    body: text("body").notNull(),
    /** Keys of uploaded files (uploaded by the author). */
    attachments: text("attachments", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("support_messages_ticket_idx").on(t.ticketId, t.createdAt, t.id)],
);

export type SupportMessage = typeof supportMessages.$inferSelect;

/** One row per user per UTC day on which they used the marketplace while signed in (daily/weekly/monthly actives). */
export const userActivityDays = sqliteTable(
  "user_activity_days",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] }), index("user_activity_days_day_idx").on(t.day)],
);

/** How often a freelancer's public profile was opened by others, per UTC day. */
export const profileViewDays = sqliteTable(
  "profile_view_days",
  {
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    views: integer("views").notNull(),
  },
  (t) => [primaryKey({ columns: [t.freelancerId, t.day] })],
);
