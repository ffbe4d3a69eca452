/** Names are short labels for a list and an e-mail subject. */
export const SAVED_SEARCH_NAME_MAX_CHARS = 80;
/** A saved query is a /projects URL query string. */
export const SAVED_SEARCH_QUERY_MAX_CHARS = 2000;
/** How many searches one person may keep. */
export const SAVED_SEARCHES_PER_USER_MAX = 50;
export const SAVED_SEARCHES_PAGE_DEFAULT = 20;
export const SAVED_SEARCHES_PAGE_MAX = 50;
/** A digest lists at most this many new projects (the newest); the rest wait for the next day's. */
export const DIGEST_PROJECTS_MAX = 20;
/** A digest looks back at most this far for new projects (a search switched to daily long after it was saved). */
export const DIGEST_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
/** Saved searches an instant alert checks per database round trip. */
export const MATCH_BATCH_SIZE = 50;

/** Where a saved search's results are: the /projects page with its filters. */
export function savedSearchHref(query: string): string {
  return query ? `/projects?${query}` : "/projects";
}
