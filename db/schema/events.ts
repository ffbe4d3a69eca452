import { sqliteTable, text, index } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";

/** Append-only audit and operations trail: who did what to which thing, from where. */
export const events = sqliteTable(
  "events",
  {
    id: idColumn(),
    type: text("type").notNull(),
    actorId: text("actor_id"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    country: text("country"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("events_type_created_idx").on(t.type, t.createdAt),
    index("events_actor_idx").on(t.actorId, t.createdAt),
    index("events_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

/** Mail handed to the email queue; the local provider delivers here and the admin reads it. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: idColumn(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    template: text("template").notNull(),
    /** Text attachments (calendar invitations): [{filename, contentType, content}]. */
    attachments: text("attachments", { mode: "json" }).$type<{ filename: string; contentType: string; content: string }[]>(),
    provider: text("provider").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("outbox_to_idx").on(t.toAddress, t.createdAt)],
);

export type AuditEvent = typeof events.$inferSelect;
