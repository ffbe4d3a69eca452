import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { users } from "./users";
import { FAVORITE_TYPES } from "./values";

export const favorites = sqliteTable(
  "favorites",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: FAVORITE_TYPES }).notNull(),
    targetId: text("target_id").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index("favorites_user_created_idx").on(t.userId, t.targetType, t.createdAt),
  ],
);

/** The in-app notification centre; `type` is open-ended so other areas can add their own. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
  ],
);

/** Only choices a user changed are stored; a missing row means both channels are on. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    email: integer("email", { mode: "boolean" }).notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

export type Notification = typeof notifications.$inferSelect;
export type Favorite = typeof favorites.$inferSelect;
