import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Skill {
  slug: string;
  name: string;
  aliases: string[];
  related: string[];
}

interface Category {
  slug: string;
  name: string;
  description: string;
  skills: Skill[];
}

interface Taxonomy {
  categories: Category[];
}

const taxonomy: Taxonomy = JSON.parse(readFileSync(new URL("./taxonomy.json", import.meta.url), "utf8"));
const categories = taxonomy.categories;
const skills = categories.flatMap((c) => c.skills);
const skillSlugs = new Set(skills.map((s) => s.slug));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

/** Resolve free text (slug, name or alias, any case) to a skill slug. */
function resolve(term: string): string | undefined {
  const t = term.trim().toLowerCase();
  for (const s of skills) {
    if (s.slug === t || s.name.toLowerCase() === t || s.aliases.includes(t)) return s.slug;
  }
  return undefined;
}

describe("skills taxonomy (db/seed/taxonomy.json)", () => {
  it("has the expected shape", () => {
    expect(Object.keys(taxonomy)).toEqual(["categories"]);
    for (const c of categories) {
      expect(Object.keys(c).sort()).toEqual(["description", "name", "skills", "slug"]);
      expect(c.name.trim()).not.toBe("");
      expect(c.description.trim()).not.toBe("");
      expect(c.skills.length).toBeGreaterThan(0);
      for (const s of c.skills) {
        expect(Object.keys(s).sort()).toEqual(["aliases", "name", "related", "slug"]);
        expect(s.name.trim()).not.toBe("");
        expect(Array.isArray(s.aliases)).toBe(true);
        expect(Array.isArray(s.related)).toBe(true);
      }
    }
  });

  it("is broad: at least 15 categories and 300 skills", () => {
    expect(categories.length).toBeGreaterThanOrEqual(15);
    expect(skills.length).toBeGreaterThanOrEqual(300);
  });

  it("uses lowercase kebab-case slugs", () => {
    const bad = [...categories.map((c) => c.slug), ...skills.map((s) => s.slug)].filter((slug) => !SLUG.test(slug));
    expect(bad).toEqual([]);
  });

  it("has unique slugs across the whole file (a skill lives in one category)", () => {
    expect(duplicates(categories.map((c) => c.slug))).toEqual([]);
    expect(duplicates(skills.map((s) => s.slug))).toEqual([]);
    expect(duplicates([...categories.map((c) => c.slug), ...skills.map((s) => s.slug)])).toEqual([]);
  });

  it("has unique names, case-insensitively", () => {
    expect(duplicates(categories.map((c) => c.name.toLowerCase()))).toEqual([]);
    expect(duplicates(skills.map((s) => s.name.toLowerCase()))).toEqual([]);
  });

  it("has lowercase, trimmed aliases that are unique across the file", () => {
    const all = skills.flatMap((s) => s.aliases);
    expect(all.filter((a) => a !== a.toLowerCase() || a !== a.trim() || a === "")).toEqual([]);
    expect(duplicates(all)).toEqual([]);
  });

  it("never uses a skill's name or slug as an alias", () => {
    const taken = new Set<string>([...skills.map((s) => s.name.toLowerCase()), ...skillSlugs]);
    const collisions = skills.flatMap((s) => s.aliases.filter((a) => taken.has(a)).map((a) => `${s.slug}: ${a}`));
    expect(collisions).toEqual([]);
  });

  it("only relates to existing skills, never to itself, without repeats", () => {
    const problems: string[] = [];
    for (const s of skills) {
      for (const r of s.related) {
        if (!skillSlugs.has(r)) problems.push(`${s.slug} -> ${r} (missing)`);
        if (r === s.slug) problems.push(`${s.slug} -> itself`);
      }
      for (const d of duplicates(s.related)) problems.push(`${s.slug} -> ${d} (repeated)`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ["js", "javascript"],
    ["ECMAScript", "javascript"],
    ["postgres", "postgresql"],
    ["psql", "postgresql"],
    ["k8s", "kubernetes"],
    ["rn", "react-native"],
    ["seo", "search-engine-optimization"],
    ["ps", "adobe-photoshop"],
    ["ga4", "google-analytics"],
    ["ml", "machine-learning"],
    ["nlp", "natural-language-processing"],
    ["ux", "ux-design"],
    ["csharp", "c-sharp"],
    ["C#", "c-sharp"],
    ["cpp", "c-plus-plus"],
    ["node", "nodejs"],
    ["next", "nextjs"],
  ])("resolves %j to %s", (term, slug) => {
    expect(resolve(term)).toBe(slug);
  });

  it("links well-known related skills", () => {
    const related = (slug: string) => skills.find((s) => s.slug === slug)?.related ?? [];
    expect(related("react")).toEqual(expect.arrayContaining(["javascript", "typescript"]));
    expect(related("nextjs")).toContain("react");
    expect(related("django")).toContain("python");
    expect(related("figma")).toContain("ui-design");
  });
});
