/** What freelancers like this one charge per hour: comparable profiles by shared skills and years of experience. */
import { eq, inArray, sql } from "drizzle-orm";
import { freelancerProfiles, freelancerSkills } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { jaccard, MIN_COMPARABLES, summarizeAmounts } from "./summary";

const CANDIDATE_LIMIT = 300;
const COMPARABLE_LIMIT = 40;

export type RateEstimate =
  | {
      enoughData: true;
      low: number;
      median: number;
      high: number;
      currency: string;
      confidence: number;
      basedOn: { count: number; sharedSkills: number; yearsOfExperience: number };
    }
  | { enoughData: false; currency: string; message: string; basedOn: { count: number } };

/** 0.7 × skill overlap (Jaccard) + 0.3 × closeness in experience (the longest years on any skill; 10 years apart counts as nothing). */
export function freelancerSimilarity(a: { skills: Set<string>; years: number }, b: { skills: Set<string>; years: number }): number {
  return 0.7 * jaccard(a.skills, b.skills) + 0.3 * (1 - Math.min(1, Math.abs(a.years - b.years) / 10));
}

export async function estimateFreelancerRate(ctx: DomainContext, freelancerId: string): Promise<RateEstimate> {
  const [profile] = await ctx.db
    .select({ currency: freelancerProfiles.currency })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, freelancerId))
    .limit(1);
  if (!profile) throw new AppError(404, "not_found", "No such freelancer profile.");
  const mine = await ctx.db
    .select({ slug: freelancerSkills.skillSlug, years: freelancerSkills.years })
    .from(freelancerSkills)
    .where(eq(freelancerSkills.userId, freelancerId));
  const currency = profile.currency;
  if (mine.length === 0) {
    return {
      enoughData: false,
      currency,
      message: "Add skills to the profile to compare its rate with similar freelancers.",
      basedOn: { count: 0 },
    };
  }
  const me = { skills: new Set(mine.map((s) => s.slug)), years: Math.max(...mine.map((s) => s.years)) };
  const candidates = await ctx.db.all<{ id: string; rate: number }>(sql`
    SELECT fs.user_id AS id, fp.hourly_rate AS rate
    FROM freelancer_skills fs JOIN freelancer_profiles fp ON fp.user_id = fs.user_id
    WHERE fs.skill_slug IN (${sql.join(
      [...me.skills].map((s) => sql`${s}`),
      sql`, `,
    )})
      AND fs.user_id != ${freelancerId} AND fp.hourly_rate IS NOT NULL AND fp.currency = ${currency}
    GROUP BY fs.user_id ORDER BY count(*) DESC, fs.user_id LIMIT ${CANDIDATE_LIMIT}`);
  if (candidates.length < MIN_COMPARABLES) return notEnough(currency, candidates.length);
  const skillRows = await ctx.db
    .select({ id: freelancerSkills.userId, slug: freelancerSkills.skillSlug, years: freelancerSkills.years })
    .from(freelancerSkills)
    .where(
      inArray(
        freelancerSkills.userId,
        candidates.map((c) => c.id),
      ),
    );
  const others = new Map<string, { skills: Set<string>; years: number }>();
  for (const s of skillRows) {
    const o = others.get(s.id) ?? others.set(s.id, { skills: new Set(), years: 0 }).get(s.id)!;
    o.skills.add(s.slug);
    o.years = Math.max(o.years, s.years);
  }
  const comparables = candidates
    .map((c) => {
      const other = others.get(c.id) ?? { skills: new Set<string>(), years: 0 };
      return { rate: Number(c.rate), similarity: freelancerSimilarity(me, other) };
    })
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, COMPARABLE_LIMIT);
  const summary = summarizeAmounts(comparables.map((c) => c.rate));
  if (!summary) return notEnough(currency, comparables.length);
  return {
    enoughData: true,
    ...summary,
    currency,
    basedOn: { count: comparables.length, sharedSkills: me.skills.size, yearsOfExperience: me.years },
  };
}

function notEnough(currency: string, count: number): RateEstimate {
  return {
    enoughData: false,
    currency,
    message: `Not enough comparable freelancers to estimate a rate yet (${count} found, ${MIN_COMPARABLES} needed).`,
    basedOn: { count },
  };
}
