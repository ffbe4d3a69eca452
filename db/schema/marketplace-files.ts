import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAtColumn } from "./columns";
import { users } from "./users";
import { FILE_PURPOSES, FILE_SCOPES } from "./values";

/** One uploaded object in R2 (env.FILES) under a random key; the bytes live in R2, the facts here. */
export const files = sqliteTable(
  "files",
  {
    key: text("key").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: FILE_PURPOSES }).notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    width: integer("width"),
    height: integer("height"),
    originalName: text("original_name"),
    scope: text("scope", { enum: FILE_SCOPES }),
    /** The conversation, contract, proposal, project or ticket id; null for "public" and unattached files. */
    scopeId: text("scope_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("files_owner_idx").on(t.ownerId, t.createdAt)],
);

export type StoredFile = typeof files.$inferSelect;
