import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Decision records follow docs/decisions/TEMPLATE.md, the index lists each one, and the repository paths they cite
 * exist, so the next engineer can trust them.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const DIR = join(ROOT, "docs/decisions");
const records = readdirSync(DIR).filter((name) => /^\d{3}-[a-z0-9-]+\.md$/.test(name));
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const headingsOf = (text: string) => [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
/** The sections every record has, in the template's order. */
const SECTIONS = headingsOf(read("TEMPLATE.md"));
/** The repository's top-level files and folders: a backticked `name/…` or `name.ext` starting with one is a path. */
const TOP_LEVEL = new Set(readdirSync(ROOT).filter((name) => name !== "node_modules"));

/** The repository paths a record cites in backticks (`worker/domain/…/x.ts`, `wrangler.toml`), as written. */
function backtickedPaths(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)]
    .map((m) => m[1].replace(/[.,]$/, ""))
    .filter((path) => /^[\w.$[\]-]+(\/[\w.$[\]()-]+)*\/?$/.test(path))
    .filter((path) => TOP_LEVEL.has(path.split("/")[0]) && (path.includes("/") || /\.\w+$/.test(path)));
}

describe("decision records", () => {
  it("are numbered once each, without gaps", () => {
    const numbers = records.map((name) => Number(name.slice(0, 3))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it.each(records)("%s follows the template", (name) => {
    const text = read(name);
    const [title, , date, status] = text.split("\n");
    expect(title).toMatch(new RegExp(`^# ${name.slice(0, 3)} — \\S`));
    expect(date).toMatch(/^- Date: \d{4}-\d{2}-\d{2}$/);
    expect(status).toMatch(/^- Status: (accepted|superseded)/);
    const headings = headingsOf(text);
    expect(SECTIONS).toEqual(["Context", "Decision", "Consequences"]);
    expect(headings.slice(0, SECTIONS.length), "the template's sections, in its order").toEqual(SECTIONS);
    for (const extra of headings.slice(SECTIONS.length))
      expect(extra, "later sections are dated addenda").toMatch(/^Addendum \(\d{4}-\d{2}-\d{2}[,)]/);
  });

  it.each(records)("%s cites only paths that exist", (name) => {
    const cited = [...read(name).matchAll(/\b((?:app|db|docs|migrations|party|scripts|tests|worker)\/[\w./$-]+\.\w+)/g)];
    const missing = cited.map((m) => m[1].replace(/[.]$/, "")).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it.each(records)("%s cites in backticks only repository paths that exist", (name) => {
    const missing = backtickedPaths(read(name)).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it("recognise a backticked repository path, and only that", () => {
    expect(backtickedPaths("see `worker/env.ts`, `wrangler.toml`, `migrations/0008`, `sessions.ts`, `<kind>:<id>`, `npm test`")).toEqual([
      "worker/env.ts",
      "wrangler.toml",
      "migrations/0008",
    ]);
  });

  it("are all listed in the index with their titles", () => {
    const index = read("README.md");
    for (const name of records) {
      const title = read(name)
        .split("\n")[0]
        .replace(/^# \d{3} — /, "");
      expect(index).toContain(`[${name.slice(0, 3)} — ${title}](${name})`);
    }
  });
});
