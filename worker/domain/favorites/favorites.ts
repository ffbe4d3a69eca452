import { and, desc, eq, lt, or } from "drizzle-orm";
import { favorites, freelancerProfiles, users, type FavoriteType, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { canSeeProject, hiddenFromViewer, requireVisibleProject } from "../projects/access";
import { loadProjectViews, type ProjectView } from "../projects/views";
import { loadFreelancerSummaries, type FreelancerSummary } from "../profiles/views";
import { clampLimit, decodeCursor, encodeCursor, keysetOf } from "../shared/cursor";

export const FAVORITES_PAGE_MAX = 50;

async function save(ctx: DomainContext, actor: User, targetType: FavoriteType, targetId: string) {
  const now = ctx.clock.now();
  const inserted = await ctx.db
    .insert(favorites)
    .values({ userId: actor.id, targetType, targetId, createdAt: now })
    .onConflictDoNothing()
    .returning();
  const row = await ctx.db.query.favorites.findFirst({
    where: and(eq(favorites.userId, actor.id), eq(favorites.targetType, targetType), eq(favorites.targetId, targetId)),
  });
  return { favorite: { type: targetType, id: targetId, savedAt: (row?.createdAt ?? now).toISOString() }, created: inserted.length > 0 };
}

async function unsave(ctx: DomainContext, actor: User, targetType: FavoriteType, targetId: string) {
  const removed = await ctx.db
    .delete(favorites)
    .where(and(eq(favorites.userId, actor.id), eq(favorites.targetType, targetType), eq(favorites.targetId, targetId)))
    .returning();
  return { removed: removed.length > 0 };
}

/** Saving twice is fine; a project the user cannot see is "not found". */
export async function saveProject(ctx: DomainContext, actor: User, projectId: string) {
  const project = await requireVisibleProject(ctx, projectId, actor.id);
  return save(ctx, actor, "project", project.id);
}

export function unsaveProject(ctx: DomainContext, actor: User, projectId: string) {
  return unsave(ctx, actor, "project", projectId);
}

/** Freelancers are saved by user id (or handle); the stored id is always the user id. */
export async function resolveFreelancerId(ctx: DomainContext, idOrHandle: string): Promise<string> {
  const [person] = await ctx.db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.id, idOrHandle)).limit(1);
  if (person?.roles.includes("freelancer")) return person.id;
  const profile = await ctx.db.query.freelancerProfiles.findFirst({
    where: eq(freelancerProfiles.handle, idOrHandle.toLowerCase()),
    columns: { userId: true },
  });
  if (profile) return profile.userId;
  throw new AppError(404, "not_found", "No such freelancer.");
}

export async function saveFreelancer(ctx: DomainContext, actor: User, idOrHandle: string) {
  return save(ctx, actor, "freelancer", await resolveFreelancerId(ctx, idOrHandle));
}

export async function unsaveFreelancer(ctx: DomainContext, actor: User, idOrHandle: string) {
  const id = await resolveFreelancerId(ctx, idOrHandle).catch(() => idOrHandle);
  return unsave(ctx, actor, "freelancer", id);
}

type Page<T> = { items: T[]; nextCursor: string | null };
export type SavedProject = { savedAt: string; project: ProjectView };
export type SavedFreelancer = { savedAt: string; freelancer: FreelancerSummary };

/** Saved projects or freelancers, most recently saved first; ones that vanished or became hidden are skipped. */
export async function listFavorites(
  ctx: DomainContext,
  actor: User,
  input: { type: "projects"; cursor?: string; limit?: number },
): Promise<Page<SavedProject>>;
export async function listFavorites(
  ctx: DomainContext,
  actor: User,
  input: { type: "freelancers"; cursor?: string; limit?: number },
): Promise<Page<SavedFreelancer>>;
export async function listFavorites(
  ctx: DomainContext,
  actor: User,
  input: { type: "projects" | "freelancers"; cursor?: string; limit?: number },
): Promise<Page<SavedProject> | Page<SavedFreelancer>> {
  const targetType: FavoriteType = input.type === "projects" ? "project" : "freelancer";
  const limit = clampLimit(input.limit, 20, FAVORITES_PAGE_MAX);
  const after = keysetOf(decodeCursor(input.cursor));
  const at = after ? new Date(after[0]) : null;
  const rows = await ctx.db
    .select()
    .from(favorites)
    .where(
      and(
        eq(favorites.userId, actor.id),
        eq(favorites.targetType, targetType),
        at && after ? or(lt(favorites.createdAt, at), and(eq(favorites.createdAt, at), lt(favorites.targetId, after[1]))) : undefined,
      ),
    )
    .orderBy(desc(favorites.createdAt), desc(favorites.targetId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit ? encodeCursor({ k: [last.createdAt.getTime(), last.targetId] }) : null;
  const savedAt = new Map(page.map((r) => [r.targetId, r.createdAt.toISOString()]));
  const ids = page.map((r) => r.targetId);
  if (targetType === "project") {
    const views = await loadProjectViews(ctx, ids);
    const moderated = await hiddenFromViewer(ctx, ids, actor.id);
    const visible: SavedProject[] = [];
    for (const v of views) {
      const seen = !moderated.has(v.id) && (await canSeeProject(ctx, v, actor.id));
      if (seen) visible.push({ savedAt: savedAt.get(v.id)!, project: v });
    }
    return { items: visible, nextCursor };
  }
  const people = await loadFreelancerSummaries(ctx, ids);
  return { items: people.map((f) => ({ savedAt: savedAt.get(f.userId)!, freelancer: f })), nextCursor };
}
