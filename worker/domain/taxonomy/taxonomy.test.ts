import { env } from "cloudflare:test";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { categories, skills, skillTerms } from "../../../db/schema";
import { loadTaxonomy, TAXONOMY } from "../../../db/seed/taxonomy-load";
import { domainContextFromEnv } from "../../platform/domain-context";
import { listCategories, listSkills, requireSkills, resolveSkillTerms, suggestSkills } from "./taxonomy";

const ctx = () => domainContextFromEnv(env);
const skillCount = TAXONOMY.categories.reduce((n, c) => n + c.skills.length, 0);

describe("taxonomy", () => {
  it("holds every category and skill of taxonomy.json, and loading it again changes nothing", async () => {
    const before = await ctx().db.batch([
      ctx().db.select({ n: count() }).from(categories),
      ctx().db.select({ n: count() }).from(skills),
      ctx().db.select({ n: count() }).from(skillTerms),
    ]);
    expect(before[0][0].n).toBe(22);
    expect(before[1][0].n).toBe(skillCount);
    await loadTaxonomy(ctx().db);
    const after = await ctx().db.batch([
      ctx().db.select({ n: count() }).from(categories),
      ctx().db.select({ n: count() }).from(skills),
      ctx().db.select({ n: count() }).from(skillTerms),
    ]);
    expect(after.map((r) => r[0].n)).toEqual(before.map((r) => r[0].n));
  });

  it("lists categories in file order with their skill counts", async () => {
    const list = await listCategories(ctx());
    expect(list.map((c) => c.slug)).toEqual(TAXONOMY.categories.map((c) => c.slug));
    expect(list[0].skillCount).toBe(TAXONOMY.categories[0].skills.length);
  });

  it.each([
    ["JS", "javascript"],
    ["Postgres", "postgresql"],
    ["k8s", "kubernetes"],
    ["react", "react"],
    ["C#", "c-sharp"],
  ])("suggests %s -> %s first", async (q, slug) => {
    const items = await suggestSkills(ctx(), { q, limit: 10 });
    expect(items[0].slug).toBe(slug);
  });

  it("suggests by prefix and by a word inside the name, never for an empty query", async () => {
    const prefix = await suggestSkills(ctx(), { q: "typ", limit: 10 });
    expect(prefix.map((s) => s.slug)).toContain("typescript");
    const word = await suggestSkills(ctx(), { q: "analytics", limit: 20 });
    expect(word.map((s) => s.slug)).toContain("google-analytics");
    expect(await suggestSkills(ctx(), { q: "   ", limit: 10 })).toEqual([]);
  });

  it("pages through all skills without repeats", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listSkills(ctx(), { cursor, limit: 100 });
      for (const s of page.items) seen.add(s.slug);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(skillCount);
  });

  it("resolves names, slugs and aliases and reports unknown terms", async () => {
    const { slugs, unknown } = await resolveSkillTerms(ctx(), ["React", "js", "postgres", "c-sharp", "Underwater Basket Weaving"]);
    expect(slugs.sort()).toEqual(["c-sharp", "javascript", "postgresql", "react"]);
    expect(unknown).toEqual(["underwater basket weaving"]);
    await expect(requireSkills(ctx(), ["react", "nope-nope"])).rejects.toMatchObject({
      status: 422,
      fields: { skills: [expect.stringContaining("nope-nope")] },
    });
  });
});
