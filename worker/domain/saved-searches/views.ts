import type { SavedSearch } from "../../../db/schema";
import { savedSearchHref } from "./rules";

export function toSavedSearchView(row: SavedSearch) {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    frequency: row.frequency,
    /** The search's results page. */
    href: savedSearchHref(row.query),
    createdAt: row.createdAt.toISOString(),
  };
}
export type SavedSearchView = ReturnType<typeof toSavedSearchView>;
