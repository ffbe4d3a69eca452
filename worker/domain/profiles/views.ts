import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  files,
  portfolioItems,
  projects,
  type Certification,
  type EducationEntry,
  type PortfolioItem,
  type StoredFile,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { publicProjects } from "../projects/listed";
import { fileUrl } from "../shared/file-records";
import { toLanguageView, type LanguageEntry, type LanguageView } from "./languages";
import { ratingFromJson, ratingJsonSql, type RatingSummary } from "../reviews/ratings";

export interface FreelancerSummary {
  userId: string;
  handle: string;
  name: string;
  /** The square profile photo; null shows initials. */
  photoUrl: string | null;
  headline: string;
  bio: string;
  skills: Array<{ slug: string; name: string; years: number }>;
  hourlyRate: number | null;
  currency: string;
  availabilityHoursPerWeek: number | null;
  timezone: string;
  /** ISO 639-1 code, English name and level, in the order the freelancer lists them. */
  languages: LanguageView[];
  country: string | null;
  /** From the visible reviews of their work (reviews/ratings.ts), never from the profile's search columns. */
  rating: RatingSummary;
  url: string;
  memberSince: string;
}

export type PortfolioView = ReturnType<typeof toPortfolioView>;

/** An image of a portfolio item, with the size its header states (pages reserve the space before it loads). */
export interface PortfolioImage {
  key: string;
  url: string;
  width: number | null;
  height: number | null;
}

export function toPortfolioImage(ctx: DomainContext, file: StoredFile): PortfolioImage {
  return { key: file.key, url: fileUrl(ctx, file.key), width: file.width, height: file.height };
}

/** Portfolio images by key, in one read. */
export async function portfolioImagesByKey(ctx: DomainContext, keys: string[]): Promise<Map<string, PortfolioImage>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.select().from(files).where(inArray(files.key, unique));
  return new Map(rows.map((f) => [f.key, toPortfolioImage(ctx, f)]));
}

/** The project a portfolio item came from, shown only while anyone may open it (public, not hidden by a moderator). */
export type PortfolioProject = { id: string; title: string };

/** Joined to a portfolio item read: its project, when that project is publicly visible (null otherwise). */
export const portfolioProjectJoin = and(eq(projects.id, portfolioItems.projectId), publicProjects("projects"));

/** Portfolio items with their publicly visible project, in one statement: add `.where(...)` and `.orderBy(...)`. */
export function portfolioRowsQuery(ctx: DomainContext) {
  return ctx.db
    .select({ item: portfolioItems, project: { id: projects.id, title: projects.title } })
    .from(portfolioItems)
    .leftJoin(projects, portfolioProjectJoin);
}
export type PortfolioRow = { item: PortfolioItem; project: PortfolioProject | null };

/** A single item's publicly visible project, as a batchable query (empty when it has none or it is not public). */
export function portfolioProjectQuery(ctx: DomainContext, projectId: string | null) {
  return ctx.db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(and(eq(projects.id, projectId ?? ""), publicProjects("projects")));
}

export function toPortfolioView(item: PortfolioItem, images: Map<string, PortfolioImage>, project: PortfolioProject | null) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    images: item.imageKeys.map((k) => images.get(k)).filter((f): f is PortfolioImage => Boolean(f)),
    link: item.url,
    skills: item.skills,
    projectId: item.projectId,
    project,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** A row of freelancerSummariesSql, before mapping. */
export interface FreelancerSummaryRow {
  user_id: string;
  handle: string;
  name: string;
  photo_key: string | null;
  headline: string;
  bio: string;
  hourly_rate: number | null;
  currency: string;
  availability_hours_per_week: number | null;
  timezone: string;
  languages: string;
  country: string | null;
  /** JSON arrays the profile page shows (search leaves them out). */
  certifications: string;
  education: string;
  /** The profile's search column: search sorts and pages by it; pages show `rating`. */
  rating_avg: number;
  /** ratingJsonSql: the freelancer's counted client reviews. */
  rating: string | null;
  created_at: number;
  member_since: number;
  skills: string;
}

/**
 * One statement that returns the summaries (profile, name, skills by years then name, rating from the visible
 * reviews of their work) of the freelancers a CTE selects: `page` yields a `user_id` column and whatever `order`
 * sorts by (`page.<column>`). CROSS JOIN pins the join order: the page drives, each row reaching its profile by id.
 */
export function freelancerSummariesSql(ctx: DomainContext, page: SQL, order: SQL): SQL {
  return sql`WITH page AS (${page})
    SELECT fp.user_id, fp.handle, u.name, u.photo_key, fp.headline, fp.bio, fp.hourly_rate, fp.currency, fp.availability_hours_per_week,
      coalesce(u.time_zone, fp.timezone) AS timezone, fp.languages, fp.country, fp.certifications, fp.education, fp.rating_avg, ${ratingJsonSql(ctx, sql`fp.user_id`, "freelancer")} AS rating, fp.created_at, u.created_at AS member_since,
      (SELECT json_group_array(json_array(slug, name, years)) FROM (
        SELECT s.slug, s.name, fs.years FROM freelancer_skills fs JOIN skills s ON s.slug = fs.skill_slug
        WHERE fs.user_id = fp.user_id ORDER BY fs.years DESC, s.name)) AS skills
    FROM page
    CROSS JOIN freelancer_profiles fp ON fp.user_id = page.user_id
    CROSS JOIN users u ON u.id = fp.user_id
    ORDER BY ${order}`;
}

export function toFreelancerSummary(ctx: DomainContext, row: FreelancerSummaryRow): FreelancerSummary {
  return {
    userId: row.user_id,
    handle: row.handle,
    name: row.name,
    photoUrl: row.photo_key ? fileUrl(ctx, row.photo_key) : null,
    headline: row.headline,
    bio: row.bio,
    skills: (JSON.parse(row.skills) as Array<[string, string, number]>).map(([slug, name, years]) => ({ slug, name, years })),
    hourlyRate: row.hourly_rate === null ? null : Number(row.hourly_rate),
    currency: row.currency,
    availabilityHoursPerWeek: row.availability_hours_per_week === null ? null : Number(row.availability_hours_per_week),
    timezone: row.timezone,
    languages: (JSON.parse(row.languages) as LanguageEntry[]).map(toLanguageView),
    country: row.country,
    rating: ratingFromJson(row.rating),
    url: `/f/${row.handle}`,
    memberSince: new Date(Number(row.member_since)).toISOString(),
  };
}

/** Summaries of a list of user ids, in their order, as one batchable query (map rows with toFreelancerSummary). */
export function freelancerSummariesQuery(ctx: DomainContext, userIds: string[]) {
  return ctx.db.all<FreelancerSummaryRow>(
    freelancerSummariesSql(ctx, sql`SELECT value AS user_id, key AS pos FROM json_each(${JSON.stringify(userIds)})`, sql`page.pos`),
  );
}

/** Summaries of freelancers (profile, name, skills), in the order of `userIds`; users without a profile are skipped. */
export async function loadFreelancerSummaries(ctx: DomainContext, userIds: string[]): Promise<FreelancerSummary[]> {
  if (userIds.length === 0) return [];
  return (await freelancerSummariesQuery(ctx, userIds)).map((row) => toFreelancerSummary(ctx, row));
}

/** The credentials a profile page lists: certifications and education, in the freelancer's order. */
export function toProfileCredentials(row: FreelancerSummaryRow): { certifications: Certification[]; education: EducationEntry[] } {
  return {
    certifications: JSON.parse(row.certifications) as Certification[],
    education: JSON.parse(row.education) as EducationEntry[],
  };
}

/** The public page data for /f/:handle: the summary, credentials and the portfolio. */
export async function loadFreelancerProfileView(ctx: DomainContext, userId: string) {
  const [row] = await freelancerSummariesQuery(ctx, [userId]);
  if (!row) return null;
  const summary = { ...toFreelancerSummary(ctx, row), ...toProfileCredentials(row) };
  const rows: PortfolioRow[] = await portfolioRowsQuery(ctx)
    .where(eq(portfolioItems.freelancerId, userId))
    .orderBy(sql`${portfolioItems.position}`, sql`${portfolioItems.createdAt} DESC`, sql`${portfolioItems.id} DESC`);
  const images = await portfolioImagesByKey(
    ctx,
    rows.flatMap((r) => r.item.imageKeys),
  );
  return { ...summary, portfolio: rows.map((r) => toPortfolioView(r.item, images, r.project)) };
}
export type FreelancerProfileView = NonNullable<Awaited<ReturnType<typeof loadFreelancerProfileView>>>;
