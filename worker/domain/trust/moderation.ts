import { and, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { projects, users, type Project } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { escapeLike } from "../messaging/messages";
import { notify } from "../notifications/notify";
import { auditMeta, pageLimit, requireAdmin, type AdminActor } from "../auth/admin";

export function toModerationView(p: Project, client: { name: string; email: string } | null) {
  return {
    id: p.id,
    title: p.title,
    clientId: p.clientId,
    client,
    status: p.status,
    visibility: p.visibility,
    budgetMin: p.budgetMin,
    budgetMax: p.budgetMax,
    currency: p.currency,
    hidden: Boolean(p.hiddenAt),
    hiddenAt: p.hiddenAt?.toISOString() ?? null,
    hiddenReason: p.hiddenReason,
    hiddenBy: p.hiddenBy,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Projects for moderation, newest first: all, only hidden, or only visible, optionally by title. */
export async function listProjectsForModeration(
  ctx: DomainContext,
  actor: AdminActor,
  input: { q?: string; hidden?: boolean; cursor?: string; limit?: number },
) {
  requireAdmin(actor);
  const limit = pageLimit(input.limit);
  const where: SQL[] = [];
  if (input.hidden !== undefined) where.push(input.hidden ? isNotNull(projects.hiddenAt) : isNull(projects.hiddenAt));
  if (input.q) where.push(or(sql`${projects.title} like ${`%${escapeLike(input.q)}%`} escape '\\'`, eq(projects.id, input.q))!);
  const rows = await ctx.db
    .select({ project: projects, client: { name: users.name, email: users.email } })
    .from(projects)
    .leftJoin(users, eq(users.id, projects.clientId))
    .where(and(...where, input.cursor ? lt(projects.id, input.cursor) : undefined))
    .orderBy(desc(projects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toModerationView(r.project, r.client)),
    nextCursor: rows.length > limit ? page[page.length - 1].project.id : null,
  };
}

async function requireProject(ctx: DomainContext, id: string): Promise<Project> {
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, id)).limit(1);
  if (!project) throw new AppError(404, "not_found", "No such project.");
  return project;
}

/** Tells the owner; a failing notification never undoes the moderation. */
async function tellOwner(ctx: DomainContext, project: Project, hidden: boolean, reason: string) {
  try {
    await notify(ctx, project.clientId, "project_moderated", {
      title: hidden ? "A moderator hid your project" : "A moderator showed your project again",
      body: hidden
        ? `"${project.title}" no longer shows in search or recommendations, and only you can open it. Reason: ${reason}`
        : `"${project.title}" shows in search and recommendations again. Reason: ${reason}`,
      link: `/projects/${project.id}`,
    });
  } catch (error) {
    ctx.log("project moderation notification failed", { projectId: project.id, error: String(error) });
  }
}

/**
 * Hides a project from search, recommendations, price estimates and everyone but its owner and admins, with a
 * reason the owner sees.
 */
export async function hideProject(ctx: DomainContext, actor: AdminActor, projectId: string, input: { reason: string }) {
  requireAdmin(actor);
  const project = await requireProject(ctx, projectId);
  if (project.hiddenAt) throw new AppError(409, "already_hidden", "This project is already hidden.");
  await ctx.db.batch([
    ctx.db
      .update(projects)
      .set({ hiddenAt: ctx.clock.now(), hiddenReason: input.reason, hiddenBy: actor.user.id })
      .where(eq(projects.id, projectId)),
    auditStatement(ctx, {
      type: "admin.project_hidden",
      ...auditMeta(actor),
      subjectType: "project",
      subjectId: projectId,
      data: { reason: input.reason, clientId: project.clientId },
    }),
  ]);
  await tellOwner(ctx, project, true, input.reason);
  return toModerationView(await requireProject(ctx, projectId), null);
}

export async function unhideProject(ctx: DomainContext, actor: AdminActor, projectId: string, input: { reason: string }) {
  requireAdmin(actor);
  const project = await requireProject(ctx, projectId);
  if (!project.hiddenAt) throw new AppError(409, "not_hidden", "This project is not hidden.");
  await ctx.db.batch([
    ctx.db.update(projects).set({ hiddenAt: null, hiddenReason: null, hiddenBy: null }).where(eq(projects.id, projectId)),
    auditStatement(ctx, {
      type: "admin.project_unhidden",
      ...auditMeta(actor),
      subjectType: "project",
      subjectId: projectId,
      data: { reason: input.reason, previousReason: project.hiddenReason },
    }),
  ]);
  await tellOwner(ctx, project, false, input.reason);
  return toModerationView(await requireProject(ctx, projectId), null);
}
