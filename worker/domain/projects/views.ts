import { count, eq, inArray, ne, and } from "drizzle-orm";
import { categories, projects, projectSkills, proposals, skills, users, type Project } from "../../../db/schema";
import type { DomainContext } from "../context";
import { fileViewsByKey, type FileView } from "../files/records";

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
  proposalCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** Full views of the given projects, in the order of `ids` (missing ids are skipped). */
export async function loadProjectViews(ctx: DomainContext, ids: string[]): Promise<ProjectView[]> {
  if (ids.length === 0) return [];
  const [rows, skillRows, counts] = await ctx.db.batch([
    ctx.db
      .select({ project: projects, clientName: users.name, categoryName: categories.name })
      .from(projects)
      .innerJoin(users, eq(users.id, projects.clientId))
      .innerJoin(categories, eq(categories.slug, projects.categorySlug))
      .where(inArray(projects.id, ids)),
    ctx.db
      .select({ projectId: projectSkills.projectId, slug: skills.slug, name: skills.name })
      .from(projectSkills)
      .innerJoin(skills, eq(skills.slug, projectSkills.skillSlug))
      .where(inArray(projectSkills.projectId, ids))
      .orderBy(skills.name),
    ctx.db
      .select({ projectId: proposals.projectId, n: count() })
      .from(proposals)
      .where(and(inArray(proposals.projectId, ids), ne(proposals.status, "withdrawn")))
      .groupBy(proposals.projectId),
  ]);
  const files = await fileViewsByKey(
    ctx,
    rows.flatMap((r) => r.project.attachments),
  );
  const skillsOf = new Map<string, Array<{ slug: string; name: string }>>();
  for (const s of skillRows)
    (skillsOf.get(s.projectId) ?? skillsOf.set(s.projectId, []).get(s.projectId)!).push({ slug: s.slug, name: s.name });
  const countOf = new Map(counts.map((c) => [c.projectId, c.n]));
  const byId = new Map(
    rows.map(({ project: p, clientName, categoryName }) => [
      p.id,
      {
        id: p.id,
        clientId: p.clientId,
        client: { id: p.clientId, name: clientName },
        title: p.title,
        description: p.description,
        category: p.categorySlug,
        categoryName,
        skills: skillsOf.get(p.id) ?? [],
        budgetType: p.budgetType,
        budgetMin: p.budgetMin,
        budgetMax: p.budgetMax,
        currency: p.currency,
        duration: p.duration,
        experienceLevel: p.experienceLevel,
        visibility: p.visibility,
        status: p.status,
        attachments: p.attachments.map((key) => files.get(key)).filter((f): f is FileView => Boolean(f)),
        proposalCount: countOf.get(p.id) ?? 0,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
        closedAt: p.closedAt?.toISOString() ?? null,
      } satisfies ProjectView,
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((v): v is ProjectView => Boolean(v));
}

export async function loadProjectView(ctx: DomainContext, id: string): Promise<ProjectView> {
  const [view] = await loadProjectViews(ctx, [id]);
  return view;
}
