import { asc, desc, eq, inArray } from "drizzle-orm";
import {
  freelancerProfiles,
  freelancerSkills,
  portfolioItems,
  skills,
  users,
  type FreelancerProfile,
  type PortfolioItem,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { fileViewsByKey, type FileView } from "../files/records";
import { ratingSummariesQuery, toRatingSummaries, type RatingSummary } from "../reviews/ratings";

export interface FreelancerSummary {
  userId: string;
  handle: string;
  name: string;
  headline: string;
  bio: string;
  skills: Array<{ slug: string; name: string; years: number }>;
  hourlyRate: number | null;
  currency: string;
  availabilityHoursPerWeek: number | null;
  timezone: string;
  languages: string[];
  country: string | null;
  /** From the visible reviews of their work (reviews/ratings.ts), never from the profile's search columns. */
  rating: RatingSummary;
  url: string;
  memberSince: string;
}

export type PortfolioView = ReturnType<typeof toPortfolioView>;

export function toPortfolioView(item: PortfolioItem, files: Map<string, FileView>) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    url: item.url,
    images: item.imageKeys.map((k) => files.get(k)).filter((f): f is FileView => Boolean(f)),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** Summaries of freelancers (profile, name, skills), in the order of `userIds`; users without a profile are skipped. */
export async function loadFreelancerSummaries(ctx: DomainContext, userIds: string[]): Promise<FreelancerSummary[]> {
  if (userIds.length === 0) return [];
  const [rows, skillRows, ratingRows] = await ctx.db.batch([
    ctx.db
      .select({ profile: freelancerProfiles, name: users.name, memberSince: users.createdAt })
      .from(freelancerProfiles)
      .innerJoin(users, eq(users.id, freelancerProfiles.userId))
      .where(inArray(freelancerProfiles.userId, userIds)),
    ctx.db
      .select({ userId: freelancerSkills.userId, slug: skills.slug, name: skills.name, years: freelancerSkills.years })
      .from(freelancerSkills)
      .innerJoin(skills, eq(skills.slug, freelancerSkills.skillSlug))
      .where(inArray(freelancerSkills.userId, userIds))
      .orderBy(desc(freelancerSkills.years), asc(skills.name)),
    ratingSummariesQuery(ctx, userIds, "freelancer"),
  ]);
  const ratings = toRatingSummaries(userIds, ratingRows);
  const skillsOf = new Map<string, FreelancerSummary["skills"]>();
  for (const s of skillRows)
    (skillsOf.get(s.userId) ?? skillsOf.set(s.userId, []).get(s.userId)!).push({ slug: s.slug, name: s.name, years: s.years });
  const byId = new Map(
    rows.map((r) => [
      r.profile.userId,
      toSummary(r.profile, r.name, r.memberSince, skillsOf.get(r.profile.userId) ?? [], ratings.get(r.profile.userId)!),
    ]),
  );
  return userIds.map((id) => byId.get(id)).filter((v): v is FreelancerSummary => Boolean(v));
}

function toSummary(
  p: FreelancerProfile,
  name: string,
  memberSince: Date,
  skillList: FreelancerSummary["skills"],
  rating: RatingSummary,
): FreelancerSummary {
  return {
    userId: p.userId,
    handle: p.handle,
    name,
    headline: p.headline,
    bio: p.bio,
    skills: skillList,
    hourlyRate: p.hourlyRate,
    currency: p.currency,
    availabilityHoursPerWeek: p.availabilityHoursPerWeek,
    timezone: p.timezone,
    languages: p.languages,
    country: p.country,
    rating,
    url: `/f/${p.handle}`,
    memberSince: memberSince.toISOString(),
  };
}

/** The public page data for /f/:handle: the summary plus the portfolio. */
export async function loadFreelancerProfileView(ctx: DomainContext, userId: string) {
  const [summary] = await loadFreelancerSummaries(ctx, [userId]);
  if (!summary) return null;
  const items = await ctx.db
    .select()
    .from(portfolioItems)
    .where(eq(portfolioItems.freelancerId, userId))
    .orderBy(desc(portfolioItems.createdAt), desc(portfolioItems.id));
  const files = await fileViewsByKey(
    ctx,
    items.flatMap((i) => i.imageKeys),
  );
  return { ...summary, portfolio: items.map((i) => toPortfolioView(i, files)) };
}
export type FreelancerProfileView = NonNullable<Awaited<ReturnType<typeof loadFreelancerProfileView>>>;
