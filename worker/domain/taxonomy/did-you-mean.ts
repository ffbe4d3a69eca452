/**
 * "Did you mean …?": misspelt skills and categories ("recat", "javscript", "wordpres") corrected to the taxonomy's
 * names by edit distance. The vocabulary is the isolate's taxonomy snapshot, so a suggestion costs no round trip.
 */
import type { DomainContext } from "../context";
import { taxonomySnapshot, type TaxonomySnapshot } from "./snapshot";

/** One spelling a person may mean (lowercase, accents folded) and the name it stands for. */
export interface VocabularyTerm {
  key: string;
  name: string;
}

/** Case and accents do not make a word different: "Café" and "cafe" are one key. */
export function foldKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/\s+/g, " ");
}

/** How many edits a word of this many characters may be from the one meant: none under four characters. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 6) return 1;
  if (length < 10) return 2;
  return 3;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbours as one edit
 * (optimal string alignment), giving up past `max` (returns max + 1).
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[t.length];
}

/** The closest term to `word` within its allowed edits, or null (an exact term is itself). */
export function closestTerm(word: string, vocabulary: readonly VocabularyTerm[]): VocabularyTerm | null {
  const key = foldKey(word);
  const max = allowedEdits([...key].length);
  let best: { term: VocabularyTerm; distance: number } | null = null;
  for (const term of vocabulary) {
    if (term.key === key) return term;
    if (max === 0) continue;
    const distance = editDistance(key, term.key, max);
    if (distance > max) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (term.key.length < best.term.key.length || (term.key.length === best.term.key.length && term.key < best.term.key)))
    ) {
      best = { term, distance };
    }
  }
  return best?.term ?? null;
}

/**
 * The search text with each misspelt word replaced by the skill or category it is closest to, or null when no
 * word needed correcting. A text that as a whole is close to a name of several words ("react natve") becomes it.
 */
export function correctText(text: string, vocabulary: readonly VocabularyTerm[]): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const known = new Set(vocabulary.map((t) => t.key));
  if (words.length > 1 && !known.has(foldKey(text))) {
    const whole = closestTerm(
      text,
      vocabulary.filter((t) => t.key.includes(" ")),
    );
    if (whole) return whole.name;
  }
  let changed = false;
  const corrected = words.map((word) => {
    if (known.has(foldKey(word)) || !/^\p{L}[\p{L}\p{N}.+#-]*$/u.test(word)) return word;
    const term = closestTerm(word, vocabulary);
    if (!term) return word;
    changed = true;
    return term.name;
  });
  return changed ? corrected.join(" ") : null;
}

const vocabularies = new WeakMap<TaxonomySnapshot, VocabularyTerm[]>();

/** Every skill's name, slug and aliases (each standing for the skill's name) and every category's name. */
export function vocabularyOf(snapshot: TaxonomySnapshot): VocabularyTerm[] {
  let vocabulary = vocabularies.get(snapshot);
  if (!vocabulary) {
    const byKey = new Map<string, VocabularyTerm>();
    const add = (spelling: string, name: string) => {
      const key = foldKey(spelling);
      if (key && !byKey.has(key)) byKey.set(key, { key, name });
    };
    for (const skill of snapshot.skillBySlug.values()) add(skill.name, skill.name);
    for (const category of snapshot.categories) add(category.name, category.name);
    for (const skill of snapshot.skillBySlug.values()) {
      add(skill.slug.replace(/-/g, " "), skill.name);
      for (const alias of skill.aliases) add(alias, skill.name);
    }
    vocabulary = [...byKey.values()];
    vocabularies.set(snapshot, vocabulary);
  }
  return vocabulary;
}

/** "Did you mean …?" for a search text, from the skill and category vocabulary; null when nothing is misspelt. */
export async function didYouMean(ctx: DomainContext, text: string): Promise<string | null> {
  const vocabulary = vocabularyOf(await taxonomySnapshot(ctx));
  const corrected = correctText(text.trim().slice(0, 200), vocabulary);
  return corrected && foldKey(corrected) !== foldKey(text) ? corrected : null;
}

/** The skill a misspelt skill term probably names (for "Unknown skill" errors), or null. */
export async function skillMeant(ctx: DomainContext, term: string): Promise<string | null> {
  const snapshot = await taxonomySnapshot(ctx);
  const skillNames = new Set([...snapshot.skillBySlug.values()].map((s) => s.name));
  const meant = closestTerm(
    term,
    vocabularyOf(snapshot).filter((t) => skillNames.has(t.name)),
  );
  return meant && meant.key !== foldKey(term) ? meant.name : null;
}
