import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import type { Role } from "./values";

export const users = sqliteTable(
  "users",
  {
    id: idColumn(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    roles: text("roles", { mode: "json" }).$type<Role[]>().notNull(),
    emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
    blockedAt: integer("blocked_at", { mode: "timestamp_ms" }),
    blockedReason: text("blocked_reason"),
    /** ISO 4217 code amounts are also shown in, beside the contract currency; null shows only the contract's. */
    preferredCurrency: text("preferred_currency"),
    /** The uploaded profile photo (a public, square image in files); null shows initials. */
    photoKey: text("photo_key"),
    /**
     * The IANA time zone the user chose in settings; null follows their browser's zone (the `tz` cookie), which is
     * never stored: others see a person's local time only from a zone they stated.
     */
    timeZone: text("time_zone"),
    createdAt: createdAtColumn(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_created_at_idx").on(t.createdAt)],
);

export type User = typeof users.$inferSelect;
