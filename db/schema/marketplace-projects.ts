import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { contractTermsColumns } from "./contract-terms";
import { categories, skills } from "./marketplace-taxonomy";
import { users } from "./users";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_DURATIONS, PROJECT_VISIBILITIES, PROJECT_STATUSES, PROPOSAL_STATUSES } from "./values";

/**
 * A client's posted project. Budgets are integer minor units of `currency`. `skillsText` (skill names and
 * aliases) is kept by the domain so the projects_fts index (migrations/0002_search.sql) can match skills.
 */
export const projects = sqliteTable(
  "projects",
  {
    id: idColumn(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    budgetType: text("budget_type", { enum: BUDGET_TYPES }).notNull(),
    budgetMin: integer("budget_min").notNull(),
    budgetMax: integer("budget_max").notNull(),
    currency: text("currency").notNull(),
    duration: text("duration", { enum: PROJECT_DURATIONS }),
    experienceLevel: text("experience_level", { enum: EXPERIENCE_LEVELS }).notNull().default("intermediate"),
    visibility: text("visibility", { enum: PROJECT_VISIBILITIES }).notNull().default("public"),
    status: text("status", { enum: PROJECT_STATUSES }).notNull().default("open"),
    attachments: text("attachments", { mode: "json" }).$type<string[]>().notNull(),
    skillsText: text("skills_text").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    /** Set by an admin (moderation): hidden projects leave search and are shown only to their owner and admins. */
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenReason: text("hidden_reason"),
    /** The admin who hid it. */
    hiddenBy: text("hidden_by").references(() => users.id),
  },
  (t) => [
    index("projects_listing_idx").on(t.status, t.visibility, t.createdAt, t.id),
    index("projects_category_idx").on(t.categorySlug, t.status, t.visibility, t.createdAt, t.id),
    // The home page's open-project count per category, read from the index alone (hidden_at included).
    index("projects_category_listed_idx").on(t.categorySlug, t.status, t.visibility, t.hiddenAt),
    index("projects_budget_idx").on(t.status, t.visibility, t.budgetMax, t.id),
    index("projects_client_idx").on(t.clientId, t.createdAt),
    // Activity windows read by the trust signals.
    index("trust_projects_created_idx").on(t.createdAt),
    index("projects_hidden_idx")
      .on(t.id)
      .where(sql`hidden_at is not null`),
  ],
);

export const projectSkills = sqliteTable(
  "project_skills",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    skillSlug: text("skill_slug")
      .notNull()
      .references(() => skills.slug),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.skillSlug] }), index("project_skills_skill_idx").on(t.skillSlug, t.projectId)],
);

/** Freelancers allowed to see an invite-only project. */
export const projectInvites = sqliteTable(
  "project_invites",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.freelancerId] }), index("project_invites_freelancer_idx").on(t.freelancerId)],
);

export interface MilestonePlanItem {
  title: string;
  amount: number;
}

export const proposals = sqliteTable(
  "proposals",
  {
    id: idColumn(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    coverLetter: text("cover_letter").notNull(),
    /** The total bid (fixed budget) or the hourly rate (hourly budget), in the project's currency. */
    bidAmount: integer("bid_amount").notNull(),
    currency: text("currency").notNull(),
    /** On a fixed-price bid: the days the work will take (null on hourly bids, which offer weekly hours instead). */
    estimatedDays: integer("estimated_days"),
    /** On an hourly bid: the hours a week the freelancer offers (null on fixed-price bids and older hourly ones). */
    weeklyHours: integer("weekly_hours"),
    milestones: text("milestones", { mode: "json" }).$type<MilestonePlanItem[]>(),
    attachments: text("attachments", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("pending"),
    declineReason: text("decline_reason"),
    createdAt: createdAtColumn(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("proposals_project_freelancer_unique").on(t.projectId, t.freelancerId),
    index("proposals_freelancer_idx").on(t.freelancerId, t.createdAt),
    index("proposals_project_status_idx").on(t.projectId, t.status),
    index("trust_proposals_created_idx").on(t.createdAt),
  ],
);

/** Minimal contract draft made when a proposal is accepted; the contracts area completes this table. */
export const contracts = sqliteTable(
  "contracts",
  {
    id: idColumn(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id),
    proposalId: text("proposal_id")
      .notNull()
      .references(() => proposals.id),
    status: text("status").notNull().default("offered"),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAtColumn(),
    ...contractTermsColumns(),
  },
  (t) => [
    uniqueIndex("contracts_proposal_unique").on(t.proposalId),
    index("contracts_client_idx").on(t.clientId, t.createdAt),
    index("contracts_freelancer_idx").on(t.freelancerId, t.createdAt),
    index("contracts_project_idx").on(t.projectId),
  ],
);

export type Project = typeof projects.$inferSelect;
export type Proposal = typeof proposals.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
