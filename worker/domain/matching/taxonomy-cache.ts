import { skills } from "../../../db/schema";
import type { DomainContext } from "../context";
import type { TaxonomySkill } from "./factors";

export interface TaxonomyIndex {
  bySlug: Map<string, TaxonomySkill & { category: string }>;
  /** Skills of each category, for projects that list none. */
  byCategory: Map<string, string[]>;
  /** For each skill, every skill related to it in either direction. */
  neighbours: Map<string, Set<string>>;
}

/** The taxonomy is reference data (~600 rows, changed only by a deploy): one read per isolate and 10 minutes. */
const TTL_MS = 10 * 60 * 1000;
let cached: { at: number; index: Promise<TaxonomyIndex> } | null = null;

async function load(ctx: Pick<DomainContext, "db">): Promise<TaxonomyIndex> {
  const rows = await ctx.db
    .select({ slug: skills.slug, name: skills.name, aliases: skills.aliases, related: skills.related, category: skills.categorySlug })
    .from(skills);
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const byCategory = new Map<string, string[]>();
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => (neighbours.get(a) ?? neighbours.set(a, new Set()).get(a)!).add(b);
  for (const r of rows) {
    (byCategory.get(r.category) ?? byCategory.set(r.category, []).get(r.category)!).push(r.slug);
    for (const other of r.related) {
      if (!bySlug.has(other) || other === r.slug) continue;
      link(r.slug, other);
      link(other, r.slug);
    }
  }
  return { bySlug, byCategory, neighbours };
}

export function taxonomyIndex(ctx: Pick<DomainContext, "db" | "clock">): Promise<TaxonomyIndex> {
  const now = ctx.clock.now().getTime();
  if (!cached || now - cached.at > TTL_MS || now < cached.at) {
    const index = load(ctx);
    cached = { at: now, index };
    index.catch(() => (cached = null));
  }
  return cached.index;
}

/** Skills related to any of `slugs` (either direction), leaving out `slugs` themselves. */
export function relatedSlugs(index: TaxonomyIndex, slugs: Iterable<string>): string[] {
  const own = new Set(slugs);
  const out = new Set<string>();
  for (const slug of own) for (const n of index.neighbours.get(slug) ?? []) if (!own.has(n)) out.add(n);
  return [...out];
}

export function taxonomySkills(index: TaxonomyIndex, slugs: string[]): TaxonomySkill[] {
  return slugs.map((s) => index.bySlug.get(s)).filter((s): s is TaxonomySkill & { category: string } => Boolean(s));
}
