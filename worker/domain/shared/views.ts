import { z } from "zod";

/** Shapes every API answer shares. Views of each area live beside their area and build on these. */

/** A moment as the API writes it: `Date#toISOString()`. */
export const timestampSchema = z.iso.datetime();

/** A page of a list: `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A page of a list that also counts every match. */
export function countedPageSchema<T extends z.ZodType>(item: T) {
  return pageSchema(item).extend({ total: z.number().int() });
}

/** The short mention of another person inside a view. */
export const personSummarySchema = z.object({ id: z.string(), name: z.string() });

/**
 * True only when A and B are the same type. A view schema states `const x: SameShape<View, z.infer<typeof schema>> = true`
 * beside it, so the type-check fails as soon as the code that builds a view and its published schema part ways.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What a domain function answers once awaited, for the `SameShape` checks beside view schemas. */
export type Resolved<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/**
 * A page of search results: counted (up to a cap, `totalCapped` saying there are more), and, when nothing or only
 * parts of words matched, `didYouMean`: the search text with misspelt skills and categories corrected.
 */
export function searchPageSchema<T extends z.ZodType>(item: T) {
  return countedPageSchema(item).extend({
    totalCapped: z.boolean().optional(),
    didYouMean: z.string().nullable().optional().describe('The corrected search text to offer ("Did you mean …?"), or null'),
  });
}
