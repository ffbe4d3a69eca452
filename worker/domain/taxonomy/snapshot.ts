/**
 * The taxonomy (categories, skills and the terms that name them) is reference data of a few thousand rows that
 * only a deploy changes: each isolate reads it once, in one round trip, and keeps it for ten minutes, so that
 * resolving "js" or a category slug never costs a request its own database round trip.
 */
import { asc, ne } from "drizzle-orm";
import { categories, skills, skillTerms, type Category, type Skill } from "../../../db/schema";
import type { DomainContext } from "../context";

export interface TaxonomySnapshot {
  /** In display order, each with how many skills it holds. */
  categories: Array<Category & { skillCount: number }>;
  categoryBySlug: Map<string, Category>;
  skillBySlug: Map<string, Skill>;
  /** Slug, name and alias terms (lowercase) to the skill they name; words of names are for typeahead only. */
  slugByTerm: Map<string, string>;
}

const TTL_MS = 10 * 60 * 1000;
let cached: { at: number; snapshot: Promise<TaxonomySnapshot> } | null = null;

async function load(ctx: Pick<DomainContext, "db">): Promise<TaxonomySnapshot> {
  const [categoryRows, skillRows, termRows] = await ctx.db.batch([
    ctx.db.select().from(categories).orderBy(asc(categories.position)),
    ctx.db.select().from(skills).orderBy(asc(skills.categorySlug), asc(skills.position)),
    ctx.db
      .select({ term: skillTerms.term, slug: skillTerms.skillSlug })
      .from(skillTerms)
      .where(ne(skillTerms.kind, "word"))
      .orderBy(asc(skillTerms.term), asc(skillTerms.skillSlug)),
  ]);
  const skillCount = new Map<string, number>();
  for (const s of skillRows) skillCount.set(s.categorySlug, (skillCount.get(s.categorySlug) ?? 0) + 1);
  return {
    categories: categoryRows.map((c) => ({ ...c, skillCount: skillCount.get(c.slug) ?? 0 })),
    categoryBySlug: new Map(categoryRows.map((c) => [c.slug, c])),
    skillBySlug: new Map(skillRows.map((s) => [s.slug, s])),
    slugByTerm: new Map(termRows.map((t) => [t.term, t.slug])),
  };
}

export function taxonomySnapshot(ctx: Pick<DomainContext, "db" | "clock">): Promise<TaxonomySnapshot> {
  const now = ctx.clock.now().getTime();
  if (!cached || now - cached.at > TTL_MS || now < cached.at) {
    const snapshot = load(ctx);
    cached = { at: now, snapshot };
    // A failed read, or a database not seeded yet, is not kept: the next request reads again.
    snapshot.then(
      (s) => s.categories.length === 0 && cached?.snapshot === snapshot && (cached = null),
      () => cached?.snapshot === snapshot && (cached = null),
    );
  }
  return cached.snapshot;
}
