import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { projectInvites, projects, type Project, type Role, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export function requireActorRole(user: User, role: Role): void {
  if (!user.roles.includes(role)) throw new AppError(403, "forbidden", `This needs the ${role} role.`);
}

export async function findProject(ctx: DomainContext, id: string): Promise<Project | undefined> {
  return ctx.db.query.projects.findFirst({ where: eq(projects.id, id) });
}

export async function isInvited(ctx: DomainContext, projectId: string, userId: string): Promise<boolean> {
  const row = await ctx.db.query.projectInvites.findFirst({
    where: and(eq(projectInvites.projectId, projectId), eq(projectInvites.freelancerId, userId)),
  });
  return Boolean(row);
}

/** Invite-only projects exist only for their owner and invited freelancers; everyone else gets 404. */
export async function canSeeProject(
  ctx: DomainContext,
  project: Pick<Project, "id" | "visibility" | "clientId">,
  viewerId: string | null,
): Promise<boolean> {
  if (project.visibility === "public" || project.clientId === viewerId) return true;
  return viewerId !== null && (await isInvited(ctx, project.id, viewerId));
}

/**
 * Whether a viewer may open a project, given whether they were invited to it: a project an admin hid
 * (moderation) stays visible to its owner only; an invite-only one to its owner and invited freelancers.
 */
export function isVisibleTo(
  project: Pick<Project, "visibility" | "clientId" | "hiddenAt">,
  viewerId: string | null,
  invited: boolean,
): boolean {
  if (project.clientId === viewerId) return true;
  if (project.hiddenAt) return false;
  return project.visibility === "public" || (viewerId !== null && invited);
}

export async function requireVisibleProject(ctx: DomainContext, id: string, viewerId: string | null): Promise<Project> {
  const project = await findProject(ctx, id);
  const invited = project && project.visibility !== "public" && viewerId !== null && project.clientId !== viewerId;
  if (!project || !isVisibleTo(project, viewerId, invited ? await isInvited(ctx, project.id, viewerId!) : false)) {
    throw new AppError(404, "not_found", "No such project.");
  }
  return project;
}

/** Of the given projects, the ones a moderator hid that the viewer does not own (so may not see). */
export async function hiddenFromViewer(ctx: DomainContext, ids: string[], viewerId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(inArray(projects.id, ids), isNotNull(projects.hiddenAt), ne(projects.clientId, viewerId)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Only the client who posted a project may change it: one the actor may not see (nonexistent, invite-only,
 * hidden) -> 404, someone else's visible project -> 403.
 */
export async function requireOwnProject(ctx: DomainContext, id: string, actor: User): Promise<Project> {
  const project = await requireVisibleProject(ctx, id, actor.id);
  if (project.clientId !== actor.id) throw new AppError(403, "forbidden", "Only the client who posted this project can do that.");
  return project;
}
