import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { users } from "./users";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

import { APPEAL_STATUSES, FRAUD_ALERT_KINDS, FRAUD_ALERT_STATUSES, RISK_LEVELS, type RiskSignal } from "./trust-values";

export * from "./trust-values";

/** A subject (user, project, payment) that scored above the alert threshold in a sweep. */
export const fraudAlerts = sqliteTable(
  "fraud_alerts",
  {
    id: idColumn(),
    kind: text("kind", { enum: FRAUD_ALERT_KINDS }).notNull(),
    subjectType: text("subject_type", { enum: ["user", "project", "payment"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    /** The account the alert is about (the user, the project's client, the payer). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    score: integer("score").notNull(),
    level: text("level", { enum: RISK_LEVELS }).notNull(),
    signals: text("signals", { mode: "json" }).$type<RiskSignal[]>().notNull(),
    status: text("status", { enum: FRAUD_ALERT_STATUSES }).notNull().default("open"),
    note: text("note"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("fraud_alerts_open_subject_unique")
      .on(t.kind, t.subjectId)
      .where(sql`status in ('open', 'investigating')`),
    index("fraud_alerts_status_idx").on(t.status, t.level, t.id),
    index("fraud_alerts_level_idx").on(t.level, t.id),
    index("fraud_alerts_subject_idx").on(t.kind, t.subjectId, t.id),
    index("fraud_alerts_user_idx").on(t.userId, t.id),
    check("fraud_alerts_score_range", sql`${t.score} >= 0 AND ${t.score} <= 100`),
  ],
);

/** A blocked account asking to be let back in; at most one pending per account. */
export const accountAppeals = sqliteTable(
  "account_appeals",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    /** The block reason the account was shown when it appealed. */
    blockReason: text("block_reason"),
    status: text("status", { enum: APPEAL_STATUSES }).notNull().default("pending"),
    decisionNote: text("decision_note"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("account_appeals_pending_unique")
      .on(t.userId)
      .where(sql`status = 'pending'`),
    index("account_appeals_status_idx").on(t.status, t.id),
  ],
);

/** While a hold is active (not released), the account cannot take money out. */
export const payoutHolds = sqliteTable(
  "payout_holds",
  {
    id: idColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    alertId: text("alert_id").references(() => fraudAlerts.id, { onDelete: "set null" }),
    /** Null when the sweep placed it. */
    createdBy: text("created_by"),
    releasedAt: timestamp("released_at"),
    releasedBy: text("released_by"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("payout_holds_active_unique")
      .on(t.userId)
      .where(sql`released_at is null`),
    index("payout_holds_user_idx").on(t.userId, t.id),
  ],
);

/**
 * One finished chunk of a queued fraud sweep, written in the same transaction as the chunk's alerts and holds: a
 * redelivered chunk finds its row and writes nothing again, and the sweep is done when all its chunks have a row.
 */
export const fraudSweepChunks = sqliteTable(
  "fraud_sweep_chunks",
  {
    sweepId: text("sweep_id").notNull(),
    chunk: integer("chunk").notNull(),
    /** How many chunks the sweep was cut into. */
    chunks: integer("chunks").notNull(),
    users: integer("users").notNull(),
    projects: integer("projects").notNull(),
    payments: integer("payments").notNull(),
    flagged: integer("flagged").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    held: integer("held").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.chunk] })],
);

export type FraudAlert = typeof fraudAlerts.$inferSelect;
export type AccountAppeal = typeof accountAppeals.$inferSelect;
export type PayoutHold = typeof payoutHolds.$inferSelect;
