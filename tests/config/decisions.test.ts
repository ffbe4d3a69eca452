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
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 3)).toEqual(["Context", "Decision", "Consequences"]);
    for (const extra of headings.slice(3)) expect(extra).toMatch(/^Addendum/);
  });

  it.each(records)("%s cites only paths that exist", (name) => {
    const cited = [...read(name).matchAll(/\b((?:app|db|docs|migrations|party|scripts|tests|worker)\/[\w./$-]+\.\w+)/g)];
    const missing = cited.map((m) => m[1].replace(/[.]$/, "")).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
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
