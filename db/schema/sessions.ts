import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { users } from "./users";

/**
 * One row per signed-in device. Only the SHA-256 of a token is stored.
 * kind "web": cookie session; kind "api": refresh-token family (rotated on every refresh).
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["web", "api"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    mfaVerified: integer("mfa_verified", { mode: "boolean" }).notNull().default(false),
    lastVerifiedAt: integer("last_verified_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    country: text("country"),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_unique").on(t.tokenHash),
    index("sessions_user_idx").on(t.userId),
    // Activity windows and shared-IP checks read by the trust signals.
    index("trust_sessions_created_idx").on(t.createdAt),
    index("trust_sessions_ip_idx").on(t.ip, t.userId),
  ],
);

export type Session = typeof sessions.$inferSelect;
