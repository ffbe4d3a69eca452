import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sentencesOf, sentencesSharedByEdges, sentencesUnder } from "../../scripts/edge-messages";

/**
 * Each rule lives once, in `worker/domain`, and the edges reuse its schema (docs/decisions/045-one-home-per-rule.md).
 * A validation or refusal sentence spelled out both in the Remix app and in the API, or in the API and again in
 * the domain, is a rule written twice: the next change will update one copy and not the other.
 */
const ROOT = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("rules written at the edges", () => {
  it("finds the sentences a person reads, and only those", () => {
    const source = `
      import { z } from "zod";
      const reason = z.string().min(3, { message: "Give a reason (at least 3 characters)." });
      const hint = \`Keep the memo short.\`;
      const label = "reason";
      const sql = "SELECT 1";
      const nested = <p title="Say what should change.">x</p>;
    `;
    expect(sentencesOf("fixture.tsx", source)).toEqual([
      "Give a reason (at least 3 characters).",
      "Keep the memo short.",
      "Say what should change.",
    ]);
  });

  it("reads the app and the API (both have many sentences)", () => {
    expect(sentencesUnder(ROOT, "app").size).toBeGreaterThan(100);
    expect(sentencesUnder(ROOT, "worker/api").size).toBeGreaterThan(20);
  });

  it("spells no sentence in both app/ and worker/api/: the schema lives in worker/domain and both reuse it", () => {
    const shared = sentencesSharedByEdges(ROOT).map((s) => `${s.sentence}  (app: ${s.app.join(", ")}; api: ${s.api.join(", ")})`);
    expect(shared).toEqual([]);
  });

  it("spells no sentence of the domain again in worker/api/", () => {
    const domain = sentencesUnder(ROOT, "worker/domain");
    const again = [...sentencesUnder(ROOT, "worker/api").entries()]
      .filter(([sentence]) => domain.has(sentence))
      .map(([sentence, files]) => `${sentence}  (api: ${files.join(", ")}; domain: ${domain.get(sentence)!.join(", ")})`);
    expect(again).toEqual([]);
  });

  it("turns zod issues into field errors in one place (worker/domain/shared/validate.ts)", () => {
    const loop = /for \(const \w+ of [\w.]*\.issues\)/;
    const files = ["app", "worker", "party"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const copies = files.filter((path) => loop.test(readFileSync(path, "utf8"))).map((path) => relative(ROOT, path));
    expect(copies).toEqual(["worker/domain/shared/validate.ts"]);
  });
});
