import { and, count, desc, eq, lt } from "drizzle-orm";
import { savedSearches, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireActorRole } from "../projects/access";
import { projectSearchFromUrl, savedQueryString } from "../search/project-url";
import { prepareProjectSearch } from "../search/projects";
import { fieldError, parseInput } from "../shared/validate";
import { changeSavedSearchInput, saveSearchInput, savedSearchesQuery, type ChangeSavedSearchInput, type SaveSearchInput } from "./inputs";
import { SAVED_SEARCHES_PAGE_DEFAULT, SAVED_SEARCHES_PAGE_MAX, SAVED_SEARCHES_PER_USER_MAX } from "./rules";
import { toSavedSearchView, type SavedSearchView } from "./views";

const notFound = () => new AppError(404, "not_found", "No such saved search.");

/**
 * Checks a /projects query string the way the page reads it, category and skill names included, and answers the
 * part worth keeping (known filters, no page cursor); a problem is a 422 on `query`.
 */
export async function normalizeSavedQuery(ctx: DomainContext, query: string): Promise<string> {
  const params = new URLSearchParams(savedQueryString(new URLSearchParams(query.trim().replace(/^\?/, ""))));
  const search = projectSearchFromUrl(params);
  if (!search.ok) throw fieldError("query", search.error, "invalid_query");
  try {
    await prepareProjectSearch(ctx, search.input);
  } catch (error) {
    if (error instanceof AppError && error.status === 422) throw fieldError("query", error.message, "invalid_query");
    throw error;
  }
  return params.toString();
}

/** A freelancer keeps a project search by name; it alerts instantly unless asked otherwise. */
export async function saveSearch(ctx: DomainContext, actor: User, input: SaveSearchInput): Promise<SavedSearchView> {
  requireActorRole(actor, "freelancer");
  const data = parseInput(saveSearchInput, input);
  const query = await normalizeSavedQuery(ctx, data.query);
  const [{ n }] = await ctx.db.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, actor.id));
  if (n >= SAVED_SEARCHES_PER_USER_MAX) {
    throw new AppError(
      409,
      "too_many_saved_searches",
      `You can keep up to ${SAVED_SEARCHES_PER_USER_MAX} saved searches. Delete one first.`,
    );
  }
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(savedSearches)
    .values({
      id: ctx.newId(),
      userId: actor.id,
      name: data.name,
      query,
      frequency: data.frequency ?? "instant",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toSavedSearchView(row);
}

/** The viewer's saved searches, newest first, paginated. */
export async function listSavedSearches(ctx: DomainContext, userId: string, input: { cursor?: string; limit?: number } = {}) {
  const { cursor, limit: asked } = parseInput(savedSearchesQuery, input);
  const limit = Math.min(asked ?? SAVED_SEARCHES_PAGE_DEFAULT, SAVED_SEARCHES_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), cursor ? lt(savedSearches.id, cursor) : undefined))
    .orderBy(desc(savedSearches.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toSavedSearchView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** One of the viewer's saved searches; someone else's is a 404 like a missing one. */
export async function getSavedSearch(ctx: DomainContext, userId: string, id: string): Promise<SavedSearchView> {
  const [row] = await ctx.db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .limit(1);
  if (!row) throw notFound();
  return toSavedSearchView(row);
}

/** Renames a saved search or switches it between instant alerts, a daily digest and no alerts. */
export async function changeSavedSearch(ctx: DomainContext, userId: string, id: string, input: ChangeSavedSearchInput) {
  const data = parseInput(changeSavedSearchInput, input);
  const [row] = await ctx.db
    .update(savedSearches)
    .set({
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.frequency !== undefined ? { frequency: data.frequency } : {}),
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning();
  if (!row) throw notFound();
  return toSavedSearchView(row);
}

/** Deletes one of the viewer's saved searches with what it sent (its deliveries and digests cascade). */
export async function deleteSavedSearch(ctx: DomainContext, userId: string, id: string): Promise<{ removed: true }> {
  const gone = await ctx.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  if (gone.length === 0) throw notFound();
  return { removed: true };
}
