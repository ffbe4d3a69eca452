import { sql, type SQL } from "drizzle-orm";
import { MAX_QUERY_TOKENS, searchTokens, toFtsQuery } from "./fts";
import { RELEVANCE_WINDOW } from "./totals";

/** The trigram index finds substrings of three characters or more; shorter ones are matched another way. */
export const TRIGRAM_MIN = 3;

/**
 * A query of only one- or two-character words in a script without spaces ("应用", "猫") cannot use the trigram
 * index: it looks through the newest BOUNDED_SCAN rows instead, text compared in place.
 */
export const BOUNDED_SCAN = RELEVANCE_WINDOW;

/** A letter outside the Latin script: Chinese, Japanese, Korean, Arabic, Hebrew, Cyrillic, Greek, Thai ... */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** What the trigram index is asked: a MATCH over the long words, and the short words compared in place. */
export interface TrigramQuery {
  /** Every word of three characters or more as a quoted phrase (a substring), ANDed; null when there is none. */
  match: string | null;
  /** Words under three characters, lowercased, each required as a substring of some searched column. */
  short: string[];
}

/**
 * How a search text is served.
 * - `words`: every word is in the Latin script (accents included): the word index serves it with its bm25
 *   ranking, exactly as before. Should the word index know none of the words at all, the same words are looked
 *   up as parts of words in the trigram index (`partial`), in the same round trip.
 * - `trigrams`: a word in another script: Chinese and Japanese have no spaces between words and Arabic joins
 *   articles and suffixes to them, so the trigram index finds the text inside longer runs.
 */
export type TextPlan = { kind: "words"; match: string; partial: TrigramQuery | null } | { kind: "trigrams"; query: TrigramQuery };

/** Reads what a person typed into a text plan; null means no text filter. */
export function planText(q: string | undefined | null): TextPlan | null {
  const match = toFtsQuery(q);
  if (!match) return null;
  const tokens = searchTokens(q ?? "");
  if (tokens.some((t) => NON_LATIN_LETTER.test(t))) return { kind: "trigrams", query: trigramQuery(tokens) };
  const partial = trigramQuery(tokens);
  return { kind: "words", match, partial: partial.match ? partial : null };
}

function trigramQuery(tokens: string[]): TrigramQuery {
  // Punctuation at a word's edges ("(移动应用)", "café,") is not part of what is looked for.
  const words = tokens
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean)
    .slice(0, MAX_QUERY_TOKENS);
  const long = words.filter((w) => [...w].length >= TRIGRAM_MIN);
  const short = [...new Set(words.filter((w) => [...w].length < TRIGRAM_MIN).map((w) => w.toLowerCase()))];
  return { match: long.length > 0 ? long.map((w) => `"${w}"`).join(" ") : null, short };
}

/** One full-text index and the content table it follows (projects or freelancer profiles). */
export interface TextIndex {
  /** The trigram index's name, e.g. `projects_trigram`. */
  trigram: string;
  /** Its bm25 column weights, in column order, the same as the word index's. */
  weights: string;
  /** The content table (a drizzle table, rendered as its quoted name). */
  table: SQL;
  /** The searched columns of the content table, for short words compared in place. */
  columns: SQL[];
}

/** An empty phrase: a MATCH that finds nothing at the cost of nothing. */
const MATCH_NOTHING = '""';

/**
 * The window of matches a search joins to its content table as `m(rowid, rank)`, read from the trigram index:
 * the newest RELEVANCE_WINDOW matches of the long words ranked by bm25, or, for a query of short words only, the
 * newest BOUNDED_SCAN rows (newest first). With `unlessWords` (the word index and its MATCH expression), the
 * window is empty when the word index finds a row with all the words: the condition is part of the MATCH
 * argument, evaluated once before the trigram index is read, so a search the word index serves pays one probe.
 */
export function trigramWindow(index: TextIndex, query: TrigramQuery, unlessWords?: { index: string; match: string }): SQL {
  const trigram = sql.raw(index.trigram);
  if (query.match) {
    const match = unlessWords
      ? sql`(CASE WHEN EXISTS (SELECT 1 FROM ${sql.raw(unlessWords.index)} WHERE ${sql.raw(unlessWords.index)} MATCH ${unlessWords.match}) THEN ${MATCH_NOTHING} ELSE ${query.match} END)`
      : sql`${query.match}`;
    return sql`(SELECT rowid, bm25(${trigram}, ${sql.raw(index.weights)}) AS rank FROM ${trigram} WHERE ${trigram} MATCH ${match} ORDER BY rowid DESC LIMIT ${RELEVANCE_WINDOW}) AS m`;
  }
  return sql`(SELECT rowid, -rowid AS rank FROM ${index.table} WHERE rowid > (SELECT max(rowid) FROM ${index.table}) - ${BOUNDED_SCAN}) AS m`;
}

/**
 * The short words of a trigram query as conditions on the content table: each a substring of some searched
 * column (ASCII letters compared without case).
 */
export function shortWordTerms(index: TextIndex, query: TrigramQuery): SQL[] {
  return query.short.map(
    (word) =>
      sql`(${sql.join(
        index.columns.map((column) => sql`instr(lower(coalesce(${column}, '')), ${word}) > 0`),
        sql` OR `,
      )})`,
  );
}
