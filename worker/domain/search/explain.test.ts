import { env } from "cloudflare:test";
import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { domainContextFromEnv } from "../../platform/domain-context";
import { prepareFreelancerSearch } from "./freelancers";
import { HOME_QUERIES } from "./home";
import { prepareProjectSearch } from "./projects";

const ctx = () => domainContextFromEnv(env);

async function plan(query: SQL): Promise<string[]> {
  const rows = await ctx().db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`);
  return rows.map((r) => r.detail);
}

/** A full scan of a content table is what must never happen; FTS virtual-table scans use the FTS index. */
function fullScans(details: string[]): string[] {
  return details.filter((d) => /^SCAN (projects|freelancer_profiles|project_skills|freelancer_skills)\b/.test(d));
}

/**
 * The FTS index drives a text search rather than being probed once per row: the plan starts with the window of
 * matches (a MATCH scan of the FTS table, in a co-routine, whatever wraps it), and each match reaches its row by rowid.
 */
function expectDrivenByFts(details: string[], fts: string, table: string): void {
  const text = details.join("\n");
  const window = details.indexOf("CO-ROUTINE m");
  expect(window, text).toBeGreaterThanOrEqual(0);
  expect(details[window + 1], text).toMatch(new RegExp(`^SCAN ${fts} VIRTUAL TABLE INDEX \\d+:M`));
  const scan = details.indexOf("SCAN m", window);
  expect(scan, text).toBeGreaterThan(window + 1);
  expect(details[scan + 1], text).toMatch(new RegExp(`^SEARCH ${table} USING INTEGER PRIMARY KEY \\(rowid=\\?\\)`));
}

/** A page's view statement is driven by its page of ids: each row reaches its record by key, never a walk of a category. */
function expectPageDrives(details: string[], alias: string, key: string): void {
  const text = details.join("\n");
  const scan = details.indexOf("SCAN page");
  expect(scan, text).toBeGreaterThanOrEqual(0);
  expect(details[scan + 1], text).toMatch(new RegExp(`^SEARCH ${alias} USING .*\\(${key}=\\?\\)`));
}

describe("EXPLAIN QUERY PLAN of the search queries (real database)", () => {
  it.each([
    ["text only", { q: "react dashboard" }],
    [
      "text with every filter",
      {
        q: "react dashboard",
        category: "web-development",
        skills: "js,typescript",
        budgetMin: 1000,
        budgetMax: 500_000,
        budgetType: "fixed" as const,
        postedWithin: 30,
      },
    ],
    ["text sorted by newest", { q: "logo", sort: "newest" as const, experienceLevel: "expert" as const }],
  ])("text search (%s) is driven by the FTS index and reaches projects by rowid", async (_name, input) => {
    const prepared = await prepareProjectSearch(ctx(), input);
    for (const query of [prepared.page, prepared.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expectDrivenByFts(details, "projects_fts", "projects");
    }
    const views = await plan(prepared.views);
    expect(fullScans(views), views.join("\n")).toEqual([]);
    expectPageDrives(views, "p", "id");
  });

  it.each([
    ["no filters", {}],
    ["category", { category: "web-development" }],
    ["skills", { skills: "react" }],
    ["budget and type", { budgetMin: 1000, budgetMax: 9000, budgetType: "hourly" as const }],
    ["sorted by budget", { sort: "budget" as const }],
  ])("filter-only listing (%s) searches an index", async (_name, filters) => {
    const prepared = await prepareProjectSearch(ctx(), { sort: "newest", ...filters });
    for (const query of [prepared.page, prepared.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expect(
        details.some((d) => /^SEARCH projects USING (COVERING )?INDEX/.test(d)),
        details.join("\n"),
      ).toBe(true);
    }
    const views = await plan(prepared.views);
    expect(fullScans(views), views.join("\n")).toEqual([]);
    expectPageDrives(views, "p", "id");
  });

  it.each([
    ["skills", { skills: "react,js" }],
    ["skills with rate, country and rating", { skills: "figma", rateMin: 1000, rateMax: 20_000, country: "PK", rating: 4 }],
    ["skills sorted by lowest rate", { skills: "python", sort: "rate_low" as const }],
    ["skills and text", { skills: "react", q: "dashboard" }],
  ])("freelancer search by %s drives from the skills index", async (_name, input) => {
    const prepared = await prepareFreelancerSearch(ctx(), input);
    for (const query of [prepared.page, prepared.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expect(
        details.some((d) => /^SEARCH (freelancer_profiles|freelancer_skills) USING/.test(d)),
        details.join("\n"),
      ).toBe(true);
      if ("q" in input) expectDrivenByFts(details, "freelancers_fts", "freelancer_profiles");
    }
    const views = await plan(prepared.views);
    expect(fullScans(views), views.join("\n")).toEqual([]);
    expectPageDrives(views, "fp", "user_id");
  });
});

describe("EXPLAIN QUERY PLAN of search in any script (real database)", () => {
  it.each([
    ["Chinese inside a title", { q: "移动应用" }],
    ["Arabic with filters", { q: "تطبيقات الجوال", category: "web-development", budgetMin: 1000, postedWithin: 30 }],
    ["Japanese sorted by newest", { q: "アプリ開発", sort: "newest" as const }],
    ["a long and a short word", { q: "移动应用 开发" }],
  ])("project search (%s) is driven by the trigram index and reaches projects by rowid", async (_name, input) => {
    const prepared = await prepareProjectSearch(ctx(), input);
    expect(prepared.partial).toBeNull();
    for (const query of [prepared.page, prepared.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expectDrivenByFts(details, "projects_trigram", "projects");
    }
    const views = await plan(prepared.views);
    expect(fullScans(views), views.join("\n")).toEqual([]);
    expectPageDrives(views, "p", "id");
  });

  it("parts of Latin words: the trigram statements are driven by the trigram index, the word index probed once", async () => {
    const prepared = await prepareProjectSearch(ctx(), { q: "dashb", budgetType: "fixed" });
    expectDrivenByFts(await plan(prepared.page), "projects_fts", "projects");
    expect(prepared.partial).not.toBeNull();
    for (const query of [prepared.partial!.page, prepared.partial!.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expectDrivenByFts(details, "projects_trigram", "projects");
      expect(
        details.some((d) => /^SCAN projects_fts VIRTUAL TABLE INDEX \d+:M/.test(d)),
        details.join("\n"),
      ).toBe(true);
    }
  });

  it("a one- or two-character word in a script without spaces reads only the newest rows, by rowid range", async () => {
    for (const prepared of [await prepareProjectSearch(ctx(), { q: "应用" }), await prepareFreelancerSearch(ctx(), { q: "应用" })]) {
      for (const query of [prepared.page, prepared.total]) {
        const details = await plan(query);
        expect(fullScans(details), details.join("\n")).toEqual([]);
        expect(
          details.some((d) => /^SEARCH (projects|freelancer_profiles) USING INTEGER PRIMARY KEY \(rowid>\?\)/.test(d)),
          details.join("\n"),
        ).toBe(true);
      }
    }
  });

  it.each([
    ["Chinese", { q: "移动应用开发" }],
    ["Arabic with a skill", { q: "مطور تطبيقات", skills: "react" }],
  ])("freelancer search (%s) is driven by the trigram index", async (_name, input) => {
    const prepared = await prepareFreelancerSearch(ctx(), input);
    for (const query of [prepared.page, prepared.total]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expectDrivenByFts(details, "freelancers_trigram", "freelancer_profiles");
    }
    const views = await plan(prepared.views);
    expect(fullScans(views), views.join("\n")).toEqual([]);
    expectPageDrives(views, "fp", "user_id");
  });
});

describe("EXPLAIN QUERY PLAN of the home page's queries (real database)", () => {
  it("counts open projects per category from an index alone, and reads featured people and recent projects by index", async () => {
    const counts = await plan(HOME_QUERIES.categories);
    expect(counts.join("\n")).toMatch(/SEARCH p USING COVERING INDEX projects_category_listed_idx/);
    for (const query of [HOME_QUERIES.featured, HOME_QUERIES.recent]) {
      const details = await plan(query);
      expect(fullScans(details), details.join("\n")).toEqual([]);
      expect(details.join("\n")).not.toMatch(/TEMP B-TREE/);
    }
  });
});
