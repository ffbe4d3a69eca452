import { and, desc, eq, lt, or } from "drizzle-orm";
import { projects } from "../../../db/schema";
import type { DomainContext } from "../context";
import { clampLimit, decodeCursor, encodeCursor, keysetOf } from "../search/cursor";
import { loadProjectViews, type ProjectView } from "./views";

export const CLIENT_PROJECTS_PAGE_MAX = 50;

/** A client's own projects, any visibility, newest first. */
export async function listClientProjects(
  ctx: DomainContext,
  clientId: string,
  input: { status?: "open" | "closed"; cursor?: string; limit?: number },
): Promise<{ items: ProjectView[]; nextCursor: string | null; total?: number }> {
  const limit = clampLimit(input.limit, 20, CLIENT_PROJECTS_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const at = after ? new Date(after[0]) : null;
  const rows = await ctx.db
    .select({ id: projects.id, createdAt: projects.createdAt })
    .from(projects)
    .where(
      and(
        eq(projects.clientId, clientId),
        input.status ? eq(projects.status, input.status) : undefined,
        at && after ? or(lt(projects.createdAt, at), and(eq(projects.createdAt, at), lt(projects.id, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await loadProjectViews(
      ctx,
      page.map((r) => r.id),
    ),
    nextCursor: rows.length > limit ? encodeCursor({ k: [last.createdAt.getTime(), last.id] }) : null,
  };
}

/** A client's open projects as choices (id and title, newest first), one batchable query: a freelancer may be invited to one. */
export function openProjectChoicesQuery(ctx: DomainContext, clientId: string) {
  return ctx.db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.clientId, clientId), eq(projects.status, "open")))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(CLIENT_PROJECTS_PAGE_MAX);
}
