import { z } from "zod";
import { SAVED_SEARCH_FREQUENCIES } from "../../../db/schema/values";
import { pageSchema, timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { listSavedSearches } from "./saved-searches";
import type { SavedSearchView } from "./views";

export const savedSearchViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The /projects page's query string (its URL filters). */
  query: z.string(),
  /** instant: a live notification per new matching project; daily: an e-mail digest; none: no alerts. */
  frequency: z.enum(SAVED_SEARCH_FREQUENCIES),
  /** The search's results page. */
  href: z.string(),
  createdAt: timestampSchema,
});
export const savedSearchesPageSchema = pageSchema(savedSearchViewSchema);
export const savedSearchRemovedSchema = z.object({ removed: z.literal(true) });

export const savedSearchViewShape: SameShape<SavedSearchView, z.infer<typeof savedSearchViewSchema>> = true;
export const savedSearchesPageShape: SameShape<Resolved<typeof listSavedSearches>, z.infer<typeof savedSearchesPageSchema>> = true;
