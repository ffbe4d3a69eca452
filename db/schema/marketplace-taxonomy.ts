import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { SKILL_TERM_KINDS } from "./values";

/** Reference data loaded from db/seed/taxonomy.json (db/seed/taxonomy-load.ts); keyed by slug. */
export const categories = sqliteTable("categories", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull(),
});

export const skills = sqliteTable(
  "skills",
  {
    slug: text("slug").primaryKey(),
    name: text("name").notNull(),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull(),
    related: text("related", { mode: "json" }).$type<string[]>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("skills_category_idx").on(t.categorySlug, t.position)],
);

/** Every lowercase string that names a skill (slug, name, alias, word of the name): typeahead and resolution. */
export const skillTerms = sqliteTable(
  "skill_terms",
  {
    term: text("term").notNull(),
    skillSlug: text("skill_slug")
      .notNull()
      .references(() => skills.slug, { onDelete: "cascade" }),
    kind: text("kind", { enum: SKILL_TERM_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.term, t.skillSlug] }), index("skill_terms_skill_idx").on(t.skillSlug)],
);

export type Category = typeof categories.$inferSelect;
export type Skill = typeof skills.$inferSelect;
