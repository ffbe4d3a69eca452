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

/**
 * Sentences the app still spells like the domain does: the profile form's own checks (app/routes/freelancer.profile.tsx,
 * to move with the profile form's next change), the amount and budget-type checks the project and proposal forms make
 * on typed text before the domain sees numbers, and the call banner's words for an answer that failed for any reason.
 * The list only shrinks.
 */
const STILL_SHARED_WITH_DOMAIN = [
  "Choose a handle for your public page.",
  "Use letters, digits, - and _ only.",
  "Write a headline.",
  "Write a headline of at least 5 characters.",
  "Use at most 5,000 characters.",
  "Use whole hours.",
  "Use at least 3 characters.",
  "That amount is too long.",
  "Choose fixed price or hourly.",
  "This call is no longer ringing.",
];

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

  it("spells no sentence of the domain again in app/, beyond the few still waiting for their own change", () => {
    const domain = sentencesUnder(ROOT, "worker/domain");
    const app = sentencesUnder(ROOT, "app");
    const again = [...app.entries()]
      .filter(([sentence]) => domain.has(sentence) && !STILL_SHARED_WITH_DOMAIN.includes(sentence))
      .map(([sentence, files]) => `${sentence}  (app: ${files.join(", ")}; domain: ${domain.get(sentence)!.join(", ")})`);
    expect(again).toEqual([]);
    const settled = STILL_SHARED_WITH_DOMAIN.filter((sentence) => !(domain.has(sentence) && app.has(sentence)));
    expect(settled, "no longer written twice: take them off STILL_SHARED_WITH_DOMAIN").toEqual([]);
  });

  it("turns zod issues into field errors in one place (worker/domain/shared/validate.ts)", () => {
    const loop = /for \(const \w+ of [\w.]*\.issues\)/;
    const files = ["app", "worker", "party"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const copies = files.filter((path) => loop.test(readFileSync(path, "utf8"))).map((path) => relative(ROOT, path));
    expect(copies).toEqual(["worker/domain/shared/validate.ts"]);
  });
});
