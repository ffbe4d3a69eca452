import { and, asc, eq, gt, gte, lt } from "drizzle-orm";
import { skills, skillTerms, type Skill } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { skillMeant } from "./did-you-mean";
import { taxonomySnapshot } from "./snapshot";

export const SKILL_PAGE_MAX = 100;
export const MAX_TERM_LENGTH = 64;

export interface SkillSummary {
  slug: string;
  name: string;
  category: string;
}

export function normalizeTerm(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, " ").slice(0, MAX_TERM_LENGTH);
}

/** Categories in display order with their skill counts (from the isolate's taxonomy snapshot). */
export async function listCategories(ctx: DomainContext) {
  const { categories } = await taxonomySnapshot(ctx);
  return categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description, skillCount: c.skillCount }));
}

export async function findCategory(ctx: DomainContext, slug: string) {
  return (await taxonomySnapshot(ctx)).categoryBySlug.get(normalizeTerm(slug));
}

export async function requireCategory(ctx: DomainContext, slug: string, field = "category") {
  const category = await findCategory(ctx, slug);
  if (!category) throw new AppError(422, "unknown_category", `There is no category "${slug}".`, { [field]: ["Unknown category."] });
  return category;
}

/** Typeahead: skills whose slug, name, alias or a word of the name starts with `q`; exact and name matches first. */
export async function suggestSkills(ctx: DomainContext, input: { q: string; category?: string; limit: number }) {
  const q = normalizeTerm(input.q);
  const limit = Math.min(Math.max(input.limit, 1), SKILL_PAGE_MAX);
  if (!q) return [];
  const rows = await ctx.db
    .select({ term: skillTerms.term, kind: skillTerms.kind, slug: skills.slug, name: skills.name, category: skills.categorySlug })
    .from(skillTerms)
    .innerJoin(skills, eq(skills.slug, skillTerms.skillSlug))
    .where(
      and(gte(skillTerms.term, q), lt(skillTerms.term, `${q}\uffff`), input.category ? eq(skills.categorySlug, input.category) : undefined),
    )
    .orderBy(asc(skillTerms.term))
    .limit(500);
  const kindRank = { slug: 1, name: 1, alias: 2, word: 3 } as const;
  const best = new Map<string, { skill: SkillSummary; rank: number; matched: string }>();
  for (const row of rows) {
    const rank = row.term === q && row.kind !== "word" ? 0 : kindRank[row.kind];
    const current = best.get(row.slug);
    if (!current || rank < current.rank) {
      best.set(row.slug, { skill: { slug: row.slug, name: row.name, category: row.category }, rank, matched: row.term });
    }
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.skill.name.length - b.skill.name.length || a.skill.name.localeCompare(b.skill.name))
    .slice(0, limit)
    .map(({ skill, matched }) => ({ ...skill, matched }));
}

/** All skills (optionally of one category) by slug, for pickers that page through the list. */
export async function listSkills(ctx: DomainContext, input: { category?: string; cursor?: string; limit: number }) {
  const limit = Math.min(Math.max(input.limit, 1), SKILL_PAGE_MAX);
  const rows = await ctx.db
    .select({ slug: skills.slug, name: skills.name, category: skills.categorySlug })
    .from(skills)
    .where(
      and(input.category ? eq(skills.categorySlug, input.category) : undefined, input.cursor ? gt(skills.slug, input.cursor) : undefined),
    )
    .orderBy(asc(skills.slug))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].slug : null };
}

/** Maps free text (slug, name or alias, any case) to skill slugs; unknown terms are returned, not dropped. */
export async function resolveSkillTerms(
  ctx: DomainContext,
  terms: string[],
): Promise<{ slugs: string[]; unknown: string[]; byTerm: Map<string, string> }> {
  const wanted = [...new Set(terms.map(normalizeTerm).filter(Boolean))];
  if (wanted.length === 0) return { slugs: [], unknown: [], byTerm: new Map() };
  const { slugByTerm } = await taxonomySnapshot(ctx);
  const byTerm = new Map<string, string>();
  for (const term of wanted) {
    const slug = slugByTerm.get(term);
    if (slug) byTerm.set(term, slug);
  }
  const slugs = new Set<string>();
  const unknown: string[] = [];
  for (const term of wanted) {
    const slug = byTerm.get(term);
    if (slug) slugs.add(slug);
    else unknown.push(term);
  }
  return { slugs: [...slugs], unknown, byTerm };
}

/** Like resolveSkillTerms, but an unknown skill is a 422 on `field`; `lookup` maps each input term to its slug. */
export async function requireSkillMap(ctx: DomainContext, terms: string[], field = "skills") {
  const { slugs, unknown, byTerm } = await resolveSkillTerms(ctx, terms);
  if (unknown.length > 0) {
    // A misspelt skill ("javscript") names the one probably meant.
    const meant = await Promise.all(unknown.map((u) => skillMeant(ctx, u)));
    const hint = (i: number) => (meant[i] ? ` Did you mean ${meant[i]}?` : "");
    throw new AppError(422, "unknown_skill", `Unknown skill: ${unknown.join(", ")}.${unknown.map((_, i) => hint(i)).join("")}`, {
      [field]: unknown.map((u, i) => `Unknown skill "${u}".${hint(i)}`),
    });
  }
  return { slugs, lookup: (term: string) => byTerm.get(normalizeTerm(term))! };
}

export async function requireSkills(ctx: DomainContext, terms: string[], field = "skills"): Promise<string[]> {
  return (await requireSkillMap(ctx, terms, field)).slugs;
}

export async function skillsBySlug(ctx: DomainContext, slugs: string[]): Promise<Skill[]> {
  if (slugs.length === 0) return [];
  const { skillBySlug } = await taxonomySnapshot(ctx);
  return [...new Set(slugs)].map((slug) => skillBySlug.get(slug)).filter((s): s is Skill => Boolean(s));
}

/** What the search index stores for a set of skills: names and aliases, so "postgres" finds PostgreSQL work. */
export function skillsSearchText(list: Pick<Skill, "name" | "aliases">[]): string {
  return list.map((s) => [s.name, ...s.aliases].join(" ")).join(" ");
}
