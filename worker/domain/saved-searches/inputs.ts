import { z } from "zod";
import { SAVED_SEARCH_FREQUENCIES } from "../../../db/schema/values";
import { SAVED_SEARCH_NAME_MAX_CHARS, SAVED_SEARCH_QUERY_MAX_CHARS, SAVED_SEARCHES_PAGE_MAX } from "./rules";

const name = z
  .string()
  .trim()
  .min(1, "Give the search a name.")
  .max(SAVED_SEARCH_NAME_MAX_CHARS, `Names are at most ${SAVED_SEARCH_NAME_MAX_CHARS} characters.`);
const frequency = z.enum(SAVED_SEARCH_FREQUENCIES, { message: "Choose instant, daily or none." });

/** Save a search: a name and the /projects page's query string (its URL filters, with or without the "?"). */
export const saveSearchInput = z.object({
  name,
  query: z.string().max(SAVED_SEARCH_QUERY_MAX_CHARS, `Queries are at most ${SAVED_SEARCH_QUERY_MAX_CHARS} characters.`),
  frequency: frequency.optional(),
});
export type SaveSearchInput = z.input<typeof saveSearchInput>;

/** Rename a saved search or change how it alerts. */
export const changeSavedSearchInput = z
  .object({ name: name.optional(), frequency: frequency.optional() })
  .refine((v) => v.name !== undefined || v.frequency !== undefined, { message: "Send a name or a frequency to change." });
export type ChangeSavedSearchInput = z.input<typeof changeSavedSearchInput>;

export const savedSearchesQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(SAVED_SEARCHES_PAGE_MAX).optional(),
});
