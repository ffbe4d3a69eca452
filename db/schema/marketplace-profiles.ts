import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { createdAtColumn, idColumn } from "./columns";
import { skills } from "./marketplace-taxonomy";
import { users } from "./users";
import { COMPANY_SIZES } from "./values";
import type { LanguageEntry } from "../../worker/domain/profiles/languages";

const updatedAtColumn = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

export interface Certification {
  name: string;
  issuer: string;
  year: number;
  url?: string;
}

export interface EducationEntry {
  school: string;
  degree: string;
  field?: string;
  startYear?: number;
  endYear?: number;
}

/** A freelancer's public storefront at /f/:handle. `skillsText` feeds the freelancers_fts index. */
export const freelancerProfiles = sqliteTable(
  "freelancer_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    handle: text("handle").notNull(),
    headline: text("headline").notNull(),
    bio: text("bio").notNull().default(""),
    hourlyRate: integer("hourly_rate"),
    currency: text("currency").notNull().default("USD"),
    availabilityHoursPerWeek: integer("availability_hours_per_week"),
    timezone: text("timezone").notNull().default("UTC"),
    /** ISO 639-1 codes with a level (worker/domain/profiles/languages.ts), in the order the freelancer lists them. */
    languages: text("languages", { mode: "json" }).$type<LanguageEntry[]>().notNull(),
    country: text("country"),
    /** Shown on the public page, in the order the freelancer lists them. */
    certifications: text("certifications", { mode: "json" }).$type<Certification[]>().notNull().default([]),
    education: text("education", { mode: "json" }).$type<EducationEntry[]>().notNull().default([]),
    ratingAvg: real("rating_avg").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    skillsText: text("skills_text").notNull().default(""),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("freelancer_profiles_handle_unique").on(t.handle),
    index("freelancer_profiles_rating_idx").on(t.ratingAvg, t.userId),
    index("freelancer_profiles_rate_idx").on(t.hourlyRate, t.userId),
    index("freelancer_profiles_country_idx").on(t.country, t.ratingAvg),
    index("freelancer_profiles_created_idx").on(t.createdAt, t.userId),
  ],
);

export const freelancerSkills = sqliteTable(
  "freelancer_skills",
  {
    userId: text("user_id")
      .notNull()
      .references(() => freelancerProfiles.userId, { onDelete: "cascade" }),
    skillSlug: text("skill_slug")
      .notNull()
      .references(() => skills.slug),
    years: integer("years").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.skillSlug] }), index("freelancer_skills_skill_idx").on(t.skillSlug, t.userId)],
);

export const portfolioItems = sqliteTable(
  "portfolio_items",
  {
    id: idColumn(),
    freelancerId: text("freelancer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    url: text("url"),
    imageKeys: text("image_keys", { mode: "json" }).$type<string[]>().notNull(),
    /** Skills shown on the item, as the taxonomy names them. */
    skills: text("skills", { mode: "json" })
      .$type<Array<{ slug: string; name: string }>>()
      .notNull()
      .default(sql`'[]'`),
    /** An optional project on the marketplace this work came from. */
    projectId: text("project_id"),
    /** Order on the profile: lower first; new items go to the top. */
    position: integer("position").notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("portfolio_items_freelancer_idx").on(t.freelancerId, t.createdAt)],
);

export const clientProfiles = sqliteTable("client_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  companyName: text("company_name"),
  companySize: text("company_size", { enum: COMPANY_SIZES }),
  country: text("country"),
  /** Set by the payments area once a payment method is confirmed; never by the client. */
  paymentVerified: integer("payment_verified", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

export type FreelancerProfile = typeof freelancerProfiles.$inferSelect;
export type PortfolioItem = typeof portfolioItems.$inferSelect;
export type ClientProfile = typeof clientProfiles.$inferSelect;
