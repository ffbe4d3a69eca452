import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { projects } from "./marketplace-projects";
import { users } from "./users";
import type { SavedSearchFrequency } from "./values";

/** A freelancer's project search kept by name: `query` is the /projects page's URL query string. */
export const savedSearches = sqliteTable(
  "saved_searches",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    frequency: text("frequency").$type<SavedSearchFrequency>().notNull().default("instant"),
    createdAt: createdAtColumn(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("saved_searches_user_idx").on(t.userId, t.createdAt),
    index("saved_searches_frequency_idx").on(t.frequency),
    check("saved_searches_frequency_known", sql`${t.frequency} IN ('instant', 'daily', 'none')`),
  ],
);

/** One daily e-mail of a saved search; `emailedAt` is set once it was handed to the mail queue. */
export const savedSearchDigests = sqliteTable(
  "saved_search_digests",
  {
    id: idColumn(),
    savedSearchId: text("saved_search_id")
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
    emailedAt: integer("emailed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("saved_search_digests_search_idx").on(t.savedSearchId, t.emailedAt)],
);

/** Each project a saved search told its owner about, once: by an instant alert, or in a digest (`digestId`). */
export const savedSearchDeliveries = sqliteTable(
  "saved_search_deliveries",
  {
    savedSearchId: text("saved_search_id")
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    digestId: text("digest_id").references(() => savedSearchDigests.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.savedSearchId, t.projectId] }), index("saved_search_deliveries_digest_idx").on(t.digestId)],
);

export type SavedSearch = typeof savedSearches.$inferSelect;
