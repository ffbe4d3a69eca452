/** Small builders for marketplace tests: a valid project body and cover letters that pass the quality rules. */
import type { ProjectInput } from "../domain/projects/input";

/** A word no other test uses, so text searches and counts only see this test's rows. */
export function uniqueWord(prefix = "zq"): string {
  return `${prefix}${crypto.randomUUID().replace(/-/g, "").slice(0, 12)}`.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]);
}

export function projectBody(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    title: "Build a React dashboard for our sales team",
    description: "We need a responsive dashboard in React and TypeScript that charts weekly sales from our REST API.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 100_000,
    budgetMax: 250_000,
    currency: "USD",
    ...overrides,
  };
}

const WORDS = (
  "api design testing deploy budget weekly calls react node python figma brand copy launch audit research schedule " +
  "milestone invoice review feedback prototype database cloud security mobile layout content strategy analytics growth " +
  "support training migration performance accessibility documentation integration automation reporting dashboard"
).split(" ");

/** A cover letter of well over 100 characters; different seeds give letters that share almost no word triples. */
export function coverLetter(seed: string = crypto.randomUUID()): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const words: string[] = [];
  for (let i = 0; i < 30; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    words.push(WORDS[h % WORDS.length]);
  }
  return `Hello, I read your brief carefully. My plan: ${words.join(" ")}. Happy to talk it through on a call.`;
}
