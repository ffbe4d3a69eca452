import { count, desc, eq, sql } from "drizzle-orm";
import { freelancerProfiles, freelancerSkills, projects, proposals, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { requireActorRole } from "../projects/access";
import { LISTED_PROJECT_SQL } from "../projects/listed";
import { loadProjectViews, type ProjectView } from "../projects/views";
import { searchProjects } from "../search/projects";
import { loadProposalViews, type ProposalView } from "./views";

const RECENT = 10;
const RECOMMENDED = 10;

export interface FreelancerDashboard {
  stats: Record<"total" | "pending" | "shortlisted" | "accepted" | "declined" | "withdrawn", number>;
  hasProfile: boolean;
  proposals: ProposalView[];
  recommendedProjects: Array<ProjectView & { matchedSkills: number }>;
}

/** Recommendations look at this many of the newest open projects first: cheap, and fresh work is what matters. */
const RECENT_WINDOW = 1000;

function notMineNorApplied(actorId: string) {
  return sql`${LISTED_PROJECT_SQL} AND p.client_id != ${actorId}
    AND NOT EXISTS (SELECT 1 FROM ${proposals} pr WHERE pr.project_id = p.id AND pr.freelancer_id = ${actorId})`;
}

/**
 * Listed projects (open, public, not hidden by a moderator: the matching engine's rule) sharing the most skills
 * with the freelancer, newest first among equals, leaving out their own projects and ones they already applied
 * to. The newest RECENT_WINDOW projects are scored first; only when they hold too few matches (rare skills) does
 * the search go through the skills index over all projects. Without skills: the newest listed projects.
 */
export async function recommendProjects(
  ctx: DomainContext,
  actor: User,
  limit = RECOMMENDED,
): Promise<Array<ProjectView & { matchedSkills: number }>> {
  const mine = sql`SELECT skill_slug FROM ${freelancerSkills} WHERE user_id = ${actor.id}`;
  let rows = await ctx.db.all<{ id: string; overlap: number }>(sql`
    SELECT id, overlap FROM (
      SELECT p.id, p.created_at,
        (SELECT count(*) FROM project_skills ps WHERE ps.project_id = p.id AND ps.skill_slug IN (${mine})) AS overlap
      FROM ${projects} p
      WHERE ${notMineNorApplied(actor.id)}
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT ${RECENT_WINDOW}
    ) WHERE overlap > 0
    ORDER BY overlap DESC, created_at DESC, id DESC
    LIMIT ${limit}`);
  if (rows.length < limit) {
    rows = await ctx.db.all<{ id: string; overlap: number }>(sql`
      SELECT ps.project_id AS id, count(*) AS overlap
      FROM ${freelancerSkills} fs
      CROSS JOIN project_skills ps ON ps.skill_slug = fs.skill_slug
      JOIN ${projects} p ON p.id = ps.project_id
      WHERE fs.user_id = ${actor.id} AND ${notMineNorApplied(actor.id)}
      GROUP BY ps.project_id
      ORDER BY overlap DESC, p.created_at DESC, p.id DESC
      LIMIT ${limit}`);
  }
  if (rows.length === 0) {
    const newest = await searchProjects(ctx, { sort: "newest", limit });
    return newest.items.filter((p) => p.clientId !== actor.id).map((p) => ({ ...p, matchedSkills: 0 }));
  }
  const overlapOf = new Map(rows.map((r) => [r.id, Number(r.overlap)]));
  const views = await loadProjectViews(
    ctx,
    rows.map((r) => r.id),
  );
  return views.map((v) => ({ ...v, matchedSkills: overlapOf.get(v.id) ?? 0 }));
}

/** The freelancer's overview: proposal counts by status, latest proposals, and recommended projects. */
export async function freelancerDashboard(ctx: DomainContext, actor: User): Promise<FreelancerDashboard> {
  requireActorRole(actor, "freelancer");
  const [statusCounts, latest, profile] = await ctx.db.batch([
    ctx.db
      .select({ status: proposals.status, n: count() })
      .from(proposals)
      .where(eq(proposals.freelancerId, actor.id))
      .groupBy(proposals.status),
    ctx.db
      .select()
      .from(proposals)
      .where(eq(proposals.freelancerId, actor.id))
      .orderBy(desc(proposals.createdAt), desc(proposals.id))
      .limit(RECENT),
    ctx.db.select({ userId: freelancerProfiles.userId }).from(freelancerProfiles).where(eq(freelancerProfiles.userId, actor.id)),
  ]);
  const stats = { total: 0, pending: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0 };
  for (const s of statusCounts) {
    stats[s.status] = s.n;
    stats.total += s.n;
  }
  const [views, recommendedProjects] = await Promise.all([loadProposalViews(ctx, latest), recommendProjects(ctx, actor)]);
  return { stats, hasProfile: profile.length > 0, proposals: views, recommendedProjects };
}
