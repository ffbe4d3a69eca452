import { sql, type SQL } from "drizzle-orm";
import { projects, type SavedSearch } from "../../../db/schema";
import type { DomainContext } from "../context";
import { projectSearchFromUrl } from "../search/project-url";
import { prepareProjectSearch, type ProjectSearchInput } from "../search/projects";

/**
 * The saved search's query as the project search's own input (the /projects page reads its URL the same way);
 * null when it no longer reads (a category or skill since renamed), so that search is skipped, not failed.
 */
export async function savedSearchPage(
  ctx: DomainContext,
  search: Pick<SavedSearch, "id" | "query">,
  narrowing: SQL[],
  options: Pick<ProjectSearchInput, "sort" | "limit"> = {},
): Promise<SQL | null> {
  const read = projectSearchFromUrl(new URLSearchParams(search.query));
  if (!read.ok) return null;
  try {
    return (await prepareProjectSearch(ctx, { ...read.input, ...options, cursor: undefined }, narrowing)).page;
  } catch (error) {
    ctx.log("saved search no longer reads", { savedSearchId: search.id, error: String(error) });
    return null;
  }
}

/** Projects the search has not told its owner about yet. */
export function notSentYetSql(savedSearchId: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM saved_search_deliveries d WHERE d.saved_search_id = ${savedSearchId} AND d.project_id = ${projects.id})`;
}

/** Only this project. */
export function onlyProjectSql(projectId: string): SQL {
  return sql`${projects.id} = ${projectId}`;
}
