import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * Sentences a person reads (validation and refusal messages) written out in the Remix app and in the API. A
 * sentence spelled in both is a rule written twice: it belongs in `worker/domain`, whose schema both edges reuse
 * (docs/decisions/045-one-home-per-rule.md). `npx tsx scripts/edge-messages.ts` lists the ones shared today;
 * tests/config/edge-messages.test.ts fails when there is one.
 */

/** A capitalised phrase with a space that ends like a sentence: "Give a reason (at least 3 characters)." */
const SENTENCE = /^[A-Z][^\n]*\s[^\n]*[.!?]$/;

/** The sentences among a file's string literals (template literals without substitutions count too). */
export function sentencesOf(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && SENTENCE.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Sentence -> the files (relative to `root`) under `dir` that spell it. */
export function sentencesUnder(root: string, dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of sourceFiles(join(root, dir))) {
    for (const sentence of new Set(sentencesOf(path, readFileSync(path, "utf8")))) {
      found.set(sentence, [...(found.get(sentence) ?? []), relative(root, path)]);
    }
  }
  return found;
}

export interface SharedSentence {
  sentence: string;
  app: string[];
  api: string[];
}

/** Sentences spelled both in `app/` and in `worker/api/`. */
export function sentencesSharedByEdges(root: string): SharedSentence[] {
  const app = sentencesUnder(root, "app");
  const api = sentencesUnder(root, "worker/api");
  return [...app.entries()]
    .filter(([sentence]) => api.has(sentence))
    .map(([sentence, files]) => ({ sentence, app: files, api: api.get(sentence)! }))
    .sort((a, b) => a.sentence.localeCompare(b.sentence));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const shared = sentencesSharedByEdges(resolve(import.meta.dirname, ".."));
  for (const s of shared) console.log(`${JSON.stringify(s.sentence)}\n  app: ${s.app.join(", ")}\n  api: ${s.api.join(", ")}`);
  console.log(`${shared.length} sentence(s) written in both app/ and worker/api/`);
}
