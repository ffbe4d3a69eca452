import { and, eq, inArray, count, ne } from "drizzle-orm";
import {
  conversations,
  favorites,
  projectInvites,
  projects,
  projectSkills,
  proposals,
  users,
  OPEN_PROPOSAL_STATUSES,
  type Project,
  type User,
} from "../../../db/schema";
import { requireVerifiedEmail } from "../auth/accounts";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireOwnedFiles, scopeFilesStatement } from "../shared/file-records";
import { notify, notifyAll } from "../notifications/notify";
import { requireCategory, requireSkills, skillsBySlug, skillsSearchText } from "../taxonomy/taxonomy";
import { findProject, isVisibleTo, requireActorRole, requireOwnProject } from "./access";
import { normalizeCurrency } from "../currency/supported";
import { canReopen } from "./status";
import { projectInputSchema, projectPatchSchema, type ProjectInput, type ProjectPatch } from "./input";
import { fieldError, parseInput } from "../shared/validate";
import { loadProjectView, projectViewsQuery, toProjectView, type ProjectView } from "./views";

function checkBudget(budgetMin: number, budgetMax: number): void {
  if (budgetMin > budgetMax) {
    throw new AppError(422, "invalid_budget", "The minimum budget cannot be above the maximum.", {
      budgetMin: ["Must not be above budgetMax."],
      budgetMax: ["Must not be below budgetMin."],
    });
  }
}

function checkCurrency(code: string): string {
  const currency = normalizeCurrency(code);
  if (!currency) throw fieldError("currency", `We do not support the currency "${code}" yet.`, "unsupported_currency");
  return currency;
}

async function skillRowsFor(ctx: DomainContext, terms: string[]) {
  return skillsBySlug(ctx, await requireSkills(ctx, terms));
}

/**
 * A verified client posts a project; it is searchable at once (the FTS index follows by trigger), and the
 * freelancers whose saved searches it matches are alerted through the jobs queue.
 */
export async function postProject(ctx: DomainContext, actor: User, input: ProjectInput): Promise<ProjectView> {
  requireActorRole(actor, "client");
  requireVerifiedEmail(actor);
  const data = parseInput(projectInputSchema, input);
  checkBudget(data.budgetMin, data.budgetMax);
  const currency = checkCurrency(data.currency);
  const category = await requireCategory(ctx, data.category);
  const skillRows = await skillRowsFor(ctx, data.skills);
  const id = ctx.newId();
  const attachments = await requireOwnedFiles(ctx, actor.id, data.attachments ?? [], {
    field: "attachments",
    target: { scope: "project", id },
  });
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.insert(projects).values({
      id,
      clientId: actor.id,
      title: data.title,
      description: data.description,
      categorySlug: category.slug,
      budgetType: data.budgetType,
      budgetMin: data.budgetMin,
      budgetMax: data.budgetMax,
      currency,
      duration: data.duration ?? null,
      experienceLevel: data.experienceLevel ?? "intermediate",
      visibility: data.visibility ?? "public",
      status: "open",
      attachments,
      skillsText: skillsSearchText(skillRows),
      createdAt: now,
      updatedAt: now,
    }),
    ctx.db.insert(projectSkills).values(skillRows.map((s) => ({ projectId: id, skillSlug: s.slug }))),
    scopeFilesStatement(ctx, actor.id, attachments, { scope: "project", id }),
  ]);
  await queueNewProjectAlerts(ctx, id);
  return loadProjectView(ctx, id);
}

/** Saved searches with instant alerts hear of a new project from the jobs queue; failing to queue never fails posting. */
async function queueNewProjectAlerts(ctx: DomainContext, projectId: string): Promise<void> {
  if (!ctx.enqueue) return;
  try {
    await ctx.enqueue({ type: "saved-search.match", projectId });
  } catch (error) {
    ctx.log("saved search alerts not queued", { projectId, error: String(error) });
  }
}

/**
 * Freelancers bid in a project's budget type and currency: a price or an hourly rate, in that currency. Once anyone
 * has bid (and not withdrawn), changing either would change what every bid and the offers made from them mean, so
 * it is refused; the client can post a new project instead.
 */
async function requireNoBidsFor(ctx: DomainContext, project: Project, changes: Partial<Project>): Promise<void> {
  const changing = (["budgetType", "currency"] as const).filter((key) => changes[key] !== undefined && changes[key] !== project[key]);
  if (changing.length === 0) return;
  const [{ bids }] = await ctx.db
    .select({ bids: count() })
    .from(proposals)
    .where(and(eq(proposals.projectId, project.id), ne(proposals.status, "withdrawn")));
  if (bids === 0) return;
  const what = { budgetType: "budget type", currency: "currency" };
  const message = `Freelancers have already bid on this project, so its ${changing.map((key) => what[key]).join(" and ")} can no longer change. Post a new project for different terms.`;
  throw new AppError(409, "bids_received", message, Object.fromEntries(changing.map((key) => [key, [message]])));
}

/** The owner edits any field; budget order and currency are checked on the result, not the patch. */
export async function updateProject(ctx: DomainContext, actor: User, projectId: string, patch: ProjectPatch): Promise<ProjectView> {
  const project = await requireOwnProject(ctx, projectId, actor);
  const data = parseInput(projectPatchSchema, patch);
  const budgetMin = data.budgetMin ?? project.budgetMin;
  const budgetMax = data.budgetMax ?? project.budgetMax;
  checkBudget(budgetMin, budgetMax);
  const changes: Partial<Project> = { updatedAt: ctx.clock.now(), budgetMin, budgetMax };
  if (data.title !== undefined) changes.title = data.title;
  if (data.description !== undefined) changes.description = data.description;
  if (data.budgetType !== undefined) changes.budgetType = data.budgetType;
  if (data.currency !== undefined) changes.currency = checkCurrency(data.currency);
  if (data.duration !== undefined) changes.duration = data.duration;
  if (data.experienceLevel !== undefined) changes.experienceLevel = data.experienceLevel;
  if (data.visibility !== undefined) changes.visibility = data.visibility;
  await requireNoBidsFor(ctx, project, changes);
  if (data.category !== undefined) changes.categorySlug = (await requireCategory(ctx, data.category)).slug;
  if (data.attachments !== undefined) {
    changes.attachments = await requireOwnedFiles(ctx, actor.id, data.attachments, {
      field: "attachments",
      target: { scope: "project", id: project.id },
    });
  }
  const scoped = scopeFilesStatement(ctx, actor.id, changes.attachments ?? [], { scope: "project", id: project.id });
  const skillRows = data.skills !== undefined ? await skillRowsFor(ctx, data.skills) : null;
  if (skillRows) changes.skillsText = skillsSearchText(skillRows);
  const update = ctx.db.update(projects).set(changes).where(eq(projects.id, project.id));
  if (skillRows) {
    await ctx.db.batch([
      update,
      scoped,
      ctx.db.delete(projectSkills).where(eq(projectSkills.projectId, project.id)),
      ctx.db.insert(projectSkills).values(skillRows.map((s) => ({ projectId: project.id, skillSlug: s.slug }))),
    ]);
  } else {
    await ctx.db.batch([update, scoped]);
  }
  return loadProjectView(ctx, project.id);
}

/**
 * Closing stops new proposals; freelancers whose proposals were still open hear about it. Only an open project can
 * be closed: one in progress or completed already takes none.
 */
export async function closeProject(ctx: DomainContext, actor: User, projectId: string): Promise<ProjectView> {
  const project = await requireOwnProject(ctx, projectId, actor);
  if (project.status !== "open") return loadProjectView(ctx, project.id);
  const now = ctx.clock.now();
  await ctx.db.update(projects).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(projects.id, project.id));
  const open = await ctx.db
    .select({ freelancerId: proposals.freelancerId })
    .from(proposals)
    .where(and(eq(proposals.projectId, project.id), inArray(proposals.status, [...OPEN_PROPOSAL_STATUSES])));
  await notifyAll(
    ctx,
    open.map((p) => p.freelancerId),
    "project_closed",
    {
      title: `Project closed: ${project.title}`,
      body: `The client closed "${project.title}", so it no longer takes proposals. Your proposal stays in your list.`,
      link: `/projects/${project.id}`,
    },
  );
  return loadProjectView(ctx, project.id);
}

/** Reopening takes proposals again: after closing it, or to hire more people while (or after) contracts run. */
export async function reopenProject(ctx: DomainContext, actor: User, projectId: string): Promise<ProjectView> {
  const project = await requireOwnProject(ctx, projectId, actor);
  if (!canReopen(project.status)) return loadProjectView(ctx, project.id);
  await ctx.db.update(projects).set({ status: "open", closedAt: null, updatedAt: ctx.clock.now() }).where(eq(projects.id, project.id));
  return loadProjectView(ctx, project.id);
}

/** A project nobody has applied to can be deleted; once proposals exist it can only be closed. */
export async function deleteProject(ctx: DomainContext, actor: User, projectId: string): Promise<void> {
  const project = await requireOwnProject(ctx, projectId, actor);
  const [{ n }] = await ctx.db.select({ n: count() }).from(proposals).where(eq(proposals.projectId, project.id));
  if (n > 0) throw new AppError(409, "has_proposals", "This project has proposals, so it can only be closed, not deleted.");
  await ctx.db.batch([
    ctx.db.delete(favorites).where(and(eq(favorites.targetType, "project"), eq(favorites.targetId, project.id))),
    // Conversations outlive the project they started from; they only lose the reference.
    ctx.db.update(conversations).set({ projectId: null }).where(eq(conversations.projectId, project.id)),
    ctx.db.delete(projects).where(eq(projects.id, project.id)),
  ]);
}

/** Why a moderator hid a project; told to its owner and admins only. */
export interface ProjectModerationNotice {
  hiddenAt: string;
  reason: string;
}

/**
 * The project page's own reads, batchable with other areas' reads: the view and whether the viewer was invited.
 * Read the rows with projectPageFrom; proposals/on-project.ts adds the viewer's own proposal to the same batch.
 */
export function projectPageQueries(ctx: DomainContext, projectId: string, viewer: User | null) {
  return [
    projectViewsQuery(ctx, [projectId]),
    ctx.db
      .select({ projectId: projectInvites.projectId })
      .from(projectInvites)
      .where(and(eq(projectInvites.projectId, projectId), eq(projectInvites.freelancerId, viewer?.id ?? ""))),
  ] as const;
}

type ProjectPageRows = readonly [Awaited<ReturnType<typeof projectPageQueries>[0]>, Awaited<ReturnType<typeof projectPageQueries>[1]>];

/**
 * One project for its page. Admins (who moderate) may open any project; a project a moderator hid is a 404 for
 * everyone else but its owner, and the owner and admins get `moderation` with the reason.
 */
export function projectPageFrom(
  ctx: DomainContext,
  viewer: User | null,
  [rows, invites]: ProjectPageRows,
): ProjectView & { moderation: ProjectModerationNotice | null } {
  const isAdmin = viewer?.roles.includes("admin") ?? false;
  const row = rows[0];
  const project = row && {
    visibility: row.visibility,
    clientId: row.client_id,
    hiddenAt: row.hidden_at === null ? null : new Date(Number(row.hidden_at)),
  };
  if (!project || !(isAdmin || isVisibleTo(project, viewer?.id ?? null, invites.length > 0))) {
    throw new AppError(404, "not_found", "No such project.");
  }
  const moderation =
    project.hiddenAt && (isAdmin || project.clientId === viewer?.id)
      ? { hiddenAt: project.hiddenAt.toISOString(), reason: row.hidden_reason ?? "" }
      : null;
  return { ...toProjectView(ctx, row), moderation };
}

/** One project for its page, read in one round trip (see projectPageFrom for who may open it). */
export async function getProject(
  ctx: DomainContext,
  projectId: string,
  viewer: User | null,
): Promise<ProjectView & { moderation: ProjectModerationNotice | null }> {
  return projectPageFrom(ctx, viewer, await ctx.db.batch(projectPageQueries(ctx, projectId, viewer)));
}

/** Lets a freelancer see (and apply to) an invite-only project, and tells them. */
export async function inviteFreelancer(ctx: DomainContext, actor: User, projectId: string, freelancerId: string): Promise<void> {
  const project = await requireOwnProject(ctx, projectId, actor);
  const [freelancer] = await ctx.db.select().from(users).where(eq(users.id, freelancerId)).limit(1);
  if (!freelancer || !freelancer.roles.includes("freelancer")) throw new AppError(404, "not_found", "No such freelancer.");
  const inserted = await ctx.db
    .insert(projectInvites)
    .values({ projectId: project.id, freelancerId, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return;
  await notify(ctx, freelancerId, "project_invited", {
    title: `You are invited to a project: ${project.title}`,
    body: `${actor.name} invited you to send a proposal for "${project.title}".`,
    link: `/projects/${project.id}`,
  });
}

export { findProject };
