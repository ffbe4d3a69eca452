/**
 * What the marketplace's home page shows anyone: categories with how many projects are open in each, a few
 * freelancers worth meeting and the newest projects. Everything comes from the same listing rules as search.
 */
import { sql } from "drizzle-orm";
import type { DomainContext } from "../context";
import { loadFreelancerSummaries, type FreelancerSummary } from "../profiles/views";
import { LISTED_PROJECT_SQL } from "../projects/listed";
import { loadProjectViews, type ProjectView } from "../projects/views";

export const FEATURED_FREELANCERS = 4;
export const RECENT_PROJECTS = 5;
/** A featured freelancer's rating rests on at least this many reviews. */
export const FEATURED_MIN_REVIEWS = 5;

export interface HomeCategory {
  slug: string;
  name: string;
  description: string;
  openProjects: number;
}

export interface MarketplaceHome {
  categories: HomeCategory[];
  openProjects: number;
  featuredFreelancers: FreelancerSummary[];
  recentProjects: ProjectView[];
}

/** The three queries of the home page (exported so a test can EXPLAIN exactly what runs). */
export const HOME_QUERIES = {
  // Counted from projects_category_listed_idx alone, one category at a time.
  categories: sql`
    SELECT c.slug AS slug, c.name AS name, c.description AS description,
      (SELECT count(*) FROM projects p WHERE p.category_slug = c.slug AND ${LISTED_PROJECT_SQL}) AS n
    FROM categories c ORDER BY c.position`,
  // Walks the rating index from the top and stops after a handful: never reads the whole market.
  featured: sql`
    SELECT fp.user_id AS id FROM freelancer_profiles fp
    JOIN users u ON u.id = fp.user_id
    WHERE fp.rating_count >= ${FEATURED_MIN_REVIEWS} AND u.blocked_at IS NULL
    ORDER BY fp.rating_avg DESC, fp.user_id DESC LIMIT ${FEATURED_FREELANCERS * 2}`,
  recent: sql`
    SELECT p.id AS id FROM projects p WHERE ${LISTED_PROJECT_SQL}
    ORDER BY p.created_at DESC, p.id DESC LIMIT ${RECENT_PROJECTS}`,
};

/** Three statements in one round trip, then the two views (one round trip each). */
export async function marketplaceHome(ctx: DomainContext): Promise<MarketplaceHome> {
  const [categoryRows, featuredRows, recentRows] = await ctx.db.batch([
    ctx.db.all<{ slug: string; name: string; description: string; n: number }>(HOME_QUERIES.categories),
    ctx.db.all<{ id: string }>(HOME_QUERIES.featured),
    ctx.db.all<{ id: string }>(HOME_QUERIES.recent),
  ]);
  const [candidates, recentProjects] = await Promise.all([
    loadFreelancerSummaries(
      ctx,
      featuredRows.map((r) => r.id),
    ),
    loadProjectViews(
      ctx,
      recentRows.map((r) => r.id),
    ),
  ]);
  // The index ranks by the profile's stored rating; what the card shows is counted from visible reviews, and only
  // that decides (one truth for ratings), best rated first.
  const featuredFreelancers = candidates
    .filter((f) => f.rating.count >= FEATURED_MIN_REVIEWS)
    .sort((a, b) => b.rating.average - a.rating.average)
    .slice(0, FEATURED_FREELANCERS);
  const categories = categoryRows.map((r) => ({ slug: r.slug, name: r.name, description: r.description, openProjects: Number(r.n) }));
  return {
    categories,
    openProjects: categories.reduce((sum, c) => sum + c.openProjects, 0),
    featuredFreelancers,
    recentProjects,
  };
}
