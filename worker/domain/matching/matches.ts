/** Matching as the product offers it: who to invite to a project, and which projects to recommend to a freelancer. */
import { and, eq, inArray } from "drizzle-orm";
import { projectInvites, proposals, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { findProject, canSeeProject, requireActorRole } from "../projects/access";
import { takesProposals } from "../projects/status";
import { rankFreelancersForProject, rankProjectsForFreelancer } from "./engine";
import { loadFreelancerFacts, loadProjectFacts } from "./inputs";
import type { MatchReason } from "./score";
import { MATCH_LIMIT_DEFAULT, MATCH_LIMIT_MAX } from "./weights";

export interface FreelancerMatchView {
  freelancer: {
    id: string;
    name: string;
    handle: string;
    headline: string;
    hourlyRate: number | null;
    currency: string;
    country: string | null;
    timezone: string;
    rating: { average: number; count: number };
    skills: Array<{ slug: string; name: string }>;
    url: string;
  };
  score: number;
  reasons: MatchReason[];
  /** Already sent a proposal to this project. */
  applied: boolean;
  /** Already invited to this project. */
  invited: boolean;
}

export interface ProjectMatchView {
  project: {
    id: string;
    title: string;
    category: string;
    budgetType: "fixed" | "hourly";
    budgetMin: number;
    budgetMax: number;
    currency: string;
    skills: Array<{ slug: string; name: string }>;
    createdAt: string;
    url: string;
  };
  score: number;
  reasons: MatchReason[];
}

export function clampMatchLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return MATCH_LIMIT_DEFAULT;
  return Math.min(MATCH_LIMIT_MAX, Math.max(1, Math.floor(limit)));
}

/** The project's owner and admins see its matches; a project the viewer may not see is a 404, someone else's a 403. */
async function requireMatchableProject(ctx: DomainContext, actor: User, projectId: string) {
  const project = await findProject(ctx, projectId);
  if (!project || !(await canSeeProject(ctx, project, actor.id))) throw new AppError(404, "not_found", "No such project.");
  if (project.clientId !== actor.id && !actor.roles.includes("admin")) {
    throw new AppError(403, "forbidden", "Only the client who posted this project can see its matches.");
  }
  return project;
}

/** The top freelancers for an open project (default 10, at most 50), each with a score and a reason per factor. */
export async function matchFreelancers(
  ctx: DomainContext,
  actor: User,
  projectId: string,
  options: { limit?: number } = {},
): Promise<{ matches: FreelancerMatchView[] }> {
  const project = await requireMatchableProject(ctx, actor, projectId);
  // Recommendations are for hiring: a project that takes no proposals gets none.
  if (!takesProposals(project.status)) return { matches: [] };
  const [facts] = await loadProjectFacts(ctx, [project.id]);
  const ranked = await rankFreelancersForProject(ctx, facts, { limit: clampMatchLimit(options.limit) });
  const ids = ranked.map((m) => m.freelancer.id);
  const [applied, invited] =
    ids.length === 0
      ? [[], []]
      : await ctx.db.batch([
          ctx.db
            .select({ id: proposals.freelancerId })
            .from(proposals)
            .where(and(eq(proposals.projectId, project.id), inArray(proposals.freelancerId, ids))),
          ctx.db
            .select({ id: projectInvites.freelancerId })
            .from(projectInvites)
            .where(and(eq(projectInvites.projectId, project.id), inArray(projectInvites.freelancerId, ids))),
        ]);
  const appliedIds = new Set(applied.map((r) => r.id));
  const invitedIds = new Set(invited.map((r) => r.id));
  return {
    matches: ranked.map(({ freelancer: f, score, reasons }) => ({
      freelancer: {
        id: f.id,
        name: f.name,
        handle: f.handle,
        headline: f.headline,
        hourlyRate: f.hourlyRate,
        currency: f.currency,
        country: f.country,
        timezone: f.timezone,
        rating: { average: f.ratingAvg, count: f.ratingCount },
        skills: f.skills.map((s) => ({ slug: s.slug, name: s.name })),
        url: `/f/${f.handle}`,
      },
      score,
      reasons,
      applied: appliedIds.has(f.id),
      invited: invitedIds.has(f.id),
    })),
  };
}

/** Open projects for the signed-in freelancer by the same engine; empty until they have a profile with skills. */
export async function recommendedProjects(
  ctx: DomainContext,
  actor: User,
  options: { limit?: number } = {},
): Promise<{ items: ProjectMatchView[] }> {
  requireActorRole(actor, "freelancer");
  const [me] = await loadFreelancerFacts(ctx, [actor.id], ctx.clock.now());
  if (!me) return { items: [] };
  const ranked = await rankProjectsForFreelancer(ctx, me, { limit: clampMatchLimit(options.limit) });
  return {
    items: ranked.map(({ project: p, score, reasons }) => ({
      project: {
        id: p.id,
        title: p.title,
        category: p.categorySlug,
        budgetType: p.budgetType,
        budgetMin: p.budgetMin,
        budgetMax: p.budgetMax,
        currency: p.currency,
        skills: p.skills.map((s) => ({ slug: s.slug, name: s.name })),
        createdAt: p.createdAt.toISOString(),
        url: `/projects/${p.id}`,
      },
      score,
      reasons,
    })),
  };
}
