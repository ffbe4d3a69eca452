import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAtColumn } from "./columns";
import { users } from "./users";

export const FILE_PURPOSES = ["image", "attachment"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * Who may read a file besides its owner, set when the file is first attached: anyone (portfolio images), or the
 * members of one conversation, contract, proposal, project or support ticket. A file attached nowhere yet is its
 * owner's alone. See worker/domain/files/access.ts.
 */
export const FILE_SCOPES = ["public", "conversation", "contract", "proposal", "project", "ticket"] as const;
export type FileScope = (typeof FILE_SCOPES)[number];

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
