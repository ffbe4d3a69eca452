/** What the engine knows about freelancers and projects, read in a few set-based queries per request. */
import { and, eq, inArray, sql } from "drizzle-orm";
import { clientProfiles, freelancerProfiles, freelancerSkills, projects, projectSkills, users, type Project } from "../../../db/schema";
import type { DomainContext } from "../context";
import { zoneOfCountry } from "./client-zone";
import { skillCentrality, type TaxonomySkill, type WeightedSkill } from "./factors";
import { taxonomyIndex, taxonomySkills } from "./taxonomy-cache";
import { trackRecordQueries, trackRecordsFrom, type TrackRecord } from "./track-record";

export type MatchingContext = Pick<DomainContext, "db" | "clock">;

export interface FreelancerFacts extends TrackRecord {
  id: string;
  name: string;
  handle: string;
  headline: string;
  hourlyRate: number | null;
  currency: string;
  availabilityHoursPerWeek: number | null;
  timezone: string;
  country: string | null;
  skills: TaxonomySkill[];
  lastActiveAt: Date | null;
}

export interface ProjectFacts {
  id: string;
  clientId: string;
  title: string;
  description: string;
  categorySlug: string;
  budgetType: Project["budgetType"];
  budgetMin: number;
  budgetMax: number;
  currency: string;
  duration: Project["duration"];
  status: Project["status"];
  visibility: Project["visibility"];
  createdAt: Date;
  skills: WeightedSkill[];
  clientZone: string | null;
}

/** Facts of the given freelancers as they stood at `asOf` (activity and contracts after it are ignored); blocked users are left out. */
export async function loadFreelancerFacts(ctx: MatchingContext, ids: string[], asOf: Date): Promise<FreelancerFacts[]> {
  if (ids.length === 0) return [];
  const taxonomy = await taxonomyIndex(ctx);
  const [profiles, skillRows, activity, ...track] = await ctx.db.batch([
    ctx.db
      .select({
        profile: {
          userId: freelancerProfiles.userId,
          handle: freelancerProfiles.handle,
          headline: freelancerProfiles.headline,
          hourlyRate: freelancerProfiles.hourlyRate,
          currency: freelancerProfiles.currency,
          availabilityHoursPerWeek: freelancerProfiles.availabilityHoursPerWeek,
          timezone: freelancerProfiles.timezone,
          country: freelancerProfiles.country,
          ratingAvg: freelancerProfiles.ratingAvg,
          ratingCount: freelancerProfiles.ratingCount,
          updatedAt: freelancerProfiles.updatedAt,
        },
        name: users.name,
      })
      .from(freelancerProfiles)
      .innerJoin(users, eq(users.id, freelancerProfiles.userId))
      .where(and(inArray(freelancerProfiles.userId, ids), sql`${users.blockedAt} IS NULL`)),
    ctx.db
      .select({ userId: freelancerSkills.userId, slug: freelancerSkills.skillSlug })
      .from(freelancerSkills)
      .where(inArray(freelancerSkills.userId, ids)),
    ctx.db.all<{ id: string; last: number | null }>(sql`
      SELECT freelancer_id AS id, max(created_at) AS last FROM proposals
      WHERE freelancer_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) AND created_at < ${asOf.getTime()}
      GROUP BY freelancer_id`),
    ...trackRecordQueries(ctx, ids, asOf),
  ]);
  const records = trackRecordsFrom(track, profiles, asOf);
  const skillsOf = new Map<string, string[]>();
  for (const s of skillRows) (skillsOf.get(s.userId) ?? skillsOf.set(s.userId, []).get(s.userId)!).push(s.slug);
  const lastProposal = new Map(activity.map((a) => [a.id, a.last === null ? null : Number(a.last)]));
  return profiles.map(({ profile: p, name }) => {
    const edited = p.updatedAt.getTime() < asOf.getTime() ? p.updatedAt.getTime() : null;
    const proposed = lastProposal.get(p.userId) ?? null;
    const last = Math.max(edited ?? 0, proposed ?? 0);
    return {
      id: p.userId,
      name,
      handle: p.handle,
      headline: p.headline,
      hourlyRate: p.hourlyRate,
      currency: p.currency,
      availabilityHoursPerWeek: p.availabilityHoursPerWeek,
      timezone: p.timezone,
      country: p.country,
      skills: taxonomySkills(taxonomy, skillsOf.get(p.userId) ?? []),
      lastActiveAt: last > 0 ? new Date(last) : null,
      ...records.get(p.userId)!,
    };
  });
}

/** Facts of the given projects (skills weighted by how central they are to the text), in the order of `ids`. */
export async function loadProjectFacts(ctx: MatchingContext, ids: string[]): Promise<ProjectFacts[]> {
  if (ids.length === 0) return [];
  const taxonomy = await taxonomyIndex(ctx);
  const [rows, skillRows] = await ctx.db.batch([
    ctx.db
      .select({ project: projects, country: clientProfiles.country })
      .from(projects)
      .leftJoin(clientProfiles, eq(clientProfiles.userId, projects.clientId))
      .where(inArray(projects.id, ids)),
    ctx.db
      .select({ projectId: projectSkills.projectId, slug: projectSkills.skillSlug })
      .from(projectSkills)
      .where(inArray(projectSkills.projectId, ids)),
  ]);
  const skillsOf = new Map<string, string[]>();
  for (const s of skillRows) (skillsOf.get(s.projectId) ?? skillsOf.set(s.projectId, []).get(s.projectId)!).push(s.slug);
  const byId = new Map(
    rows.map(({ project: p, country }) => [
      p.id,
      {
        id: p.id,
        clientId: p.clientId,
        title: p.title,
        description: p.description,
        categorySlug: p.categorySlug,
        budgetType: p.budgetType,
        budgetMin: p.budgetMin,
        budgetMax: p.budgetMax,
        currency: p.currency,
        duration: p.duration,
        status: p.status,
        visibility: p.visibility,
        createdAt: p.createdAt,
        skills: skillCentrality(p, taxonomySkills(taxonomy, skillsOf.get(p.id) ?? [])),
        clientZone: zoneOfCountry(country),
      } satisfies ProjectFacts,
    ]),
  );
  return ids.map((id) => byId.get(id)).filter((p): p is ProjectFacts => Boolean(p));
}
