/**
 * Bounded pre-filters in SQL, so scoring never reads the whole market: freelancers holding the project's skills
 * (2 points each) or related skills (1 point each), through freelancer_skills_skill_idx; and, the other way,
 * open public projects asking for the freelancer's skills, through project_skills_skill_idx.
 */
import { sql, type SQL } from "drizzle-orm";
import { LISTED_PROJECT_SQL } from "../projects/listed";
import type { MatchingContext, ProjectFacts } from "./inputs";
import { relatedSlugs, taxonomyIndex } from "./taxonomy-cache";
import { CANDIDATE_LIMIT, RATING_PRIOR_COUNT, RATING_PRIOR_MEAN } from "./weights";

const list = (values: string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Freelancers worth scoring for a project, most shared skill points first, then the better Bayesian rating. */
export async function freelancerCandidates(ctx: MatchingContext, project: ProjectFacts, limit = CANDIDATE_LIMIT): Promise<string[]> {
  const taxonomy = await taxonomyIndex(ctx);
  const own = project.skills.map((s) => s.slug);
  // A project without skills: anyone with a skill of its category.
  const near = own.length > 0 ? relatedSlugs(taxonomy, own) : (taxonomy.byCategory.get(project.categorySlug) ?? []);
  const all = [...own, ...near];
  if (all.length === 0) return [];
  const points = own.length > 0 ? sql`CASE WHEN fs.skill_slug IN (${list(own)}) THEN 2 ELSE 1 END` : sql`1`;
  const rows = await ctx.db.all<{ id: string }>(sql`
    SELECT fs.user_id AS id
    FROM freelancer_skills fs
    JOIN freelancer_profiles fp ON fp.user_id = fs.user_id
    WHERE fs.skill_slug IN (${list(all)}) AND fs.user_id != ${project.clientId}
    GROUP BY fs.user_id
    ORDER BY sum(${points}) DESC,
      (${RATING_PRIOR_COUNT * RATING_PRIOR_MEAN} + fp.rating_avg * fp.rating_count) / (${RATING_PRIOR_COUNT} + fp.rating_count) DESC,
      fs.user_id
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/**
 * Listed projects (open, public, not hidden by a moderator) worth scoring for a freelancer: not their own, not
 * already applied to; newest among equals.
 */
export async function projectCandidates(
  ctx: MatchingContext,
  freelancer: { id: string; skills: Array<{ slug: string }> },
  limit = CANDIDATE_LIMIT,
): Promise<string[]> {
  const taxonomy = await taxonomyIndex(ctx);
  const own = freelancer.skills.map((s) => s.slug);
  if (own.length === 0) return [];
  const all = [...own, ...relatedSlugs(taxonomy, own)];
  const rows = await ctx.db.all<{ id: string }>(sql`
    SELECT ps.project_id AS id
    FROM project_skills ps
    JOIN projects p ON p.id = ps.project_id
    WHERE ps.skill_slug IN (${list(all)})
      AND ${LISTED_PROJECT_SQL} AND p.client_id != ${freelancer.id}
      AND NOT EXISTS (SELECT 1 FROM proposals pr WHERE pr.project_id = p.id AND pr.freelancer_id = ${freelancer.id})
    GROUP BY ps.project_id
    ORDER BY sum(CASE WHEN ps.skill_slug IN (${list(own)}) THEN 2 ELSE 1 END) DESC, p.created_at DESC, ps.project_id DESC
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}
