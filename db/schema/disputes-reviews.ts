import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { milestones } from "./money";
import { contracts } from "./marketplace-projects";
import { users } from "./users";
import { DISPUTE_STATUSES, DISPUTE_OUTCOMES, DISPUTE_PARTY_ROLES } from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * A party contests a milestone's held funds. While it is open or answered the milestone is frozen (database
 * triggers in migrations/0009_disputes_reviews.sql); resolving it moves the held funds once, by the ledger.
 */
export const disputes = sqliteTable(
  "disputes",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id),
    openedBy: text("opened_by")
      .notNull()
      .references(() => users.id),
    openerRole: text("opener_role", { enum: DISPUTE_PARTY_ROLES }).notNull(),
    status: text("status", { enum: DISPUTE_STATUSES }).notNull().default("open"),
    reason: text("reason").notNull(),
    /** File keys (uploads of the opener). */
    evidence: text("evidence", { mode: "json" }).$type<string[]>().notNull(),
    /** What was held for the milestone when the dispute opened (minor units). */
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    responseDueAt: timestamp("response_due_at").notNull(),
    responseStatement: text("response_statement"),
    responseEvidence: text("response_evidence", { mode: "json" }).$type<string[]>(),
    respondedBy: text("responded_by").references(() => users.id),
    respondedAt: timestamp("responded_at"),
    /** The platform's target for an admin decision once both sides have spoken. */
    decisionDueAt: timestamp("decision_due_at"),
    outcome: text("outcome", { enum: DISPUTE_OUTCOMES }),
    freelancerPercent: integer("freelancer_percent"),
    /** Gross amounts moved by the resolution; they sum to `amount`. */
    releasedAmount: integer("released_amount"),
    refundedAmount: integer("refunded_amount"),
    resolutionNote: text("resolution_note"),
    /** Null when decided by default (no answer in time). */
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedByDefault: integer("resolved_by_default", { mode: "boolean" }).notNull().default(false),
    resolvedAt: timestamp("resolved_at"),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("disputes_open_milestone_unique")
      .on(t.milestoneId)
      .where(sql`status in ('open', 'answered')`),
    index("disputes_contract_idx").on(t.contractId, t.id),
    index("disputes_status_idx").on(t.status, t.id),
    index("disputes_response_due_idx").on(t.status, t.responseDueAt),
    check("disputes_percent_range", sql`${t.freelancerPercent} is null or (${t.freelancerPercent} between 0 and 100)`),
  ],
);

export interface SkillRating {
  skill: string;
  rating: number;
}

/** One side's review of the other after a contract ended; one per side per contract. */
export const reviews = sqliteTable(
  "reviews",
  {
    id: idColumn(),
    contractId: text("contract_id")
      .notNull()
      .references(() => contracts.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    subjectId: text("subject_id")
      .notNull()
      .references(() => users.id),
    authorRole: text("author_role", { enum: DISPUTE_PARTY_ROLES }).notNull(),
    rating: integer("rating").notNull(),
    skillRatings: text("skill_ratings", { mode: "json" }).$type<SkillRating[]>().notNull(),
    comment: text("comment").notNull(),
    /** Seen by admins only. */
    privateNote: text("private_note"),
    /** Set when both sides have written or the hiding period passed; visibility is also computed from the clock. */
    publishedAt: timestamp("published_at"),
    /**
     * Set by an admin (moderation): a hidden review leaves profiles and review lists and no longer counts in
     * rating averages, counts or job success. Its author and subject are told the reason.
     */
    hiddenAt: timestamp("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: text("hidden_by").references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("reviews_contract_author_unique").on(t.contractId, t.authorId),
    index("reviews_subject_idx").on(t.subjectId, t.id),
    index("reviews_hidden_idx")
      .on(t.id)
      .where(sql`hidden_at is not null`),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export type Dispute = typeof disputes.$inferSelect;
export type Review = typeof reviews.$inferSelect;
