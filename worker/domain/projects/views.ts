import { sql, type SQL } from "drizzle-orm";
import type { Project } from "../../../db/schema";
import type { DomainContext } from "../context";
import { fileUrl, type FileView } from "../shared/file-records";

/** Proposals are counted up to this many per project: cards and pages say "50+" beyond it. */
export const PROPOSAL_COUNT_CAP = 50;

export interface ProjectView {
  id: string;
  clientId: string;
  client: { id: string; name: string };
  title: string;
  description: string;
  category: string;
  categoryName: string;
  skills: Array<{ slug: string; name: string }>;
  budgetType: Project["budgetType"];
  budgetMin: number;
  budgetMax: number;
  currency: string;
  duration: Project["duration"];
  experienceLevel: Project["experienceLevel"];
  visibility: Project["visibility"];
  status: Project["status"];
  attachments: FileView[];
  /** Proposals that were not withdrawn, counted up to PROPOSAL_COUNT_CAP. */
  proposalCount: number;
  /** True when there are more than PROPOSAL_COUNT_CAP (the count says "at least"). */
  proposalCountCapped: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A row of projectViewsSql, before mapping. */
export interface ProjectViewRow {
  id: string;
  client_id: string;
  client_name: string;
  title: string;
  description: string;
  category_slug: string;
  category_name: string;
  budget_type: Project["budgetType"];
  budget_min: number;
  budget_max: number;
  currency: string;
  duration: Project["duration"];
  experience_level: Project["experienceLevel"];
  visibility: Project["visibility"];
  status: Project["status"];
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  skills: string;
  proposal_count: number;
  files: string;
  /** Moderation (not part of the view). */
  hidden_at: number | null;
  hidden_reason: string | null;
}

/**
 * One statement that returns the full views (client, category, skills, attachments, proposal count) of the
 * projects a CTE selects: `page` must yield an `id` column and whatever `order` sorts by (`page.<column>`). So a
 * list page is one query, however many projects it shows. CROSS JOIN pins the join order: the page drives, and each
 * of its rows reaches its project by id (left to itself, the planner may walk a category's every project instead).
 */
export function projectViewsSql(page: SQL, order: SQL): SQL {
  return sql`WITH page AS (${page})
    SELECT p.id, p.client_id, u.name AS client_name, p.title, p.description, p.category_slug, c.name AS category_name,
      p.budget_type, p.budget_min, p.budget_max, p.currency, p.duration, p.experience_level, p.visibility, p.status,
      p.created_at, p.updated_at, p.closed_at, p.hidden_at, p.hidden_reason,
      (SELECT json_group_array(json_array(slug, name)) FROM (
        SELECT s.slug, s.name FROM project_skills ps JOIN skills s ON s.slug = ps.skill_slug
        WHERE ps.project_id = p.id ORDER BY s.name)) AS skills,
      (SELECT count(*) FROM (
        SELECT 1 FROM proposals pr WHERE pr.project_id = p.id AND pr.status != 'withdrawn' LIMIT ${PROPOSAL_COUNT_CAP + 1}
      )) AS proposal_count,
      CASE WHEN p.attachments = '[]' THEN '[]' ELSE (SELECT json_group_array(json_array(key, content_type, size, original_name)) FROM (
        SELECT f.key, f.content_type, f.size, f.original_name FROM json_each(p.attachments) a JOIN files f ON f.key = a.value
        ORDER BY a.key)) END AS files
    FROM page
    CROSS JOIN projects p ON p.id = page.id
    CROSS JOIN users u ON u.id = p.client_id
    CROSS JOIN categories c ON c.slug = p.category_slug
    ORDER BY ${order}`;
}

export function toProjectView(ctx: DomainContext, row: ProjectViewRow): ProjectView {
  const count = Number(row.proposal_count);
  const files = JSON.parse(row.files) as Array<[string, string, number, string]>;
  return {
    id: row.id,
    clientId: row.client_id,
    client: { id: row.client_id, name: row.client_name },
    title: row.title,
    description: row.description,
    category: row.category_slug,
    categoryName: row.category_name,
    skills: (JSON.parse(row.skills) as Array<[string, string]>).map(([slug, name]) => ({ slug, name })),
    budgetType: row.budget_type,
    budgetMin: Number(row.budget_min),
    budgetMax: Number(row.budget_max),
    currency: row.currency,
    duration: row.duration,
    experienceLevel: row.experience_level,
    visibility: row.visibility,
    status: row.status,
    attachments: files.map(([key, contentType, size, name]) => ({ key, url: fileUrl(ctx, key), contentType, size: Number(size), name })),
    proposalCount: Math.min(count, PROPOSAL_COUNT_CAP),
    proposalCountCapped: count > PROPOSAL_COUNT_CAP,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(Number(row.closed_at)).toISOString(),
  };
}

/** The views of a list of ids, in their order, as one batchable query (map rows with toProjectView). */
export function projectViewsQuery(ctx: DomainContext, ids: string[]) {
  return ctx.db.all<ProjectViewRow>(
    projectViewsSql(sql`SELECT value AS id, key AS pos FROM json_each(${JSON.stringify(ids)})`, sql`page.pos`),
  );
}

/** Full views of the given projects, in the order of `ids` (missing ids are skipped), in one query. */
export async function loadProjectViews(ctx: DomainContext, ids: string[]): Promise<ProjectView[]> {
  if (ids.length === 0) return [];
  const rows = await projectViewsQuery(ctx, ids);
  return rows.map((row) => toProjectView(ctx, row));
}

export async function loadProjectView(ctx: DomainContext, id: string): Promise<ProjectView> {
  const [view] = await loadProjectViews(ctx, [id]);
  return view;
}
