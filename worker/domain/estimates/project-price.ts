/**
 * What a project like this one costs, from the market itself: the agreed price of comparable projects that were
 * contracted, and the budget midpoint of comparable projects that were only posted.
 */
import { and, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { BUDGET_TYPES, contracts, projectSkills, projects, type ExperienceLevel } from "../../../db/schema";
import type { DomainContext } from "../context";
import { normalizeCurrency } from "../currency/supported";
import { MARKET_DATA_PROJECT_SQL } from "../projects/listed";
import { fieldError, parseInput } from "../shared/validate";
import { requireCategory, requireSkills } from "../taxonomy/taxonomy";
import { jaccard, MIN_COMPARABLES, summarizeAmounts, wordSet } from "./summary";

export const COMPLEXITIES = ["low", "medium", "high"] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
const LEVEL_OF: Record<Complexity, ExperienceLevel> = { low: "entry", medium: "intermediate", high: "expert" };

/** Candidates read from the database (by shared skills, then newest) and comparables kept (most similar). */
const CANDIDATE_LIMIT = 300;
const COMPARABLE_LIMIT = 40;
const SAMPLE_SIZE = 5;

export const priceEstimateSchema = z.object({
  title: z.string().max(200).default(""),
  description: z.string().max(20_000).default(""),
  category: z.string().trim().min(1).max(64),
  skills: z.array(z.string().max(64)).max(20).default([]),
  complexity: z.enum(COMPLEXITIES).default("medium"),
  budgetType: z.enum(BUDGET_TYPES).default("fixed"),
  currency: z.string().length(3).default("USD"),
});
export type PriceEstimateInput = z.input<typeof priceEstimateSchema>;

export interface Comparable {
  id: string;
  title: string;
  similarity: number;
  source: "contract" | "budget";
}

export type Estimate =
  | {
      enoughData: true;
      low: number;
      median: number;
      high: number;
      currency: string;
      confidence: number;
      basedOn: { count: number; contracts: number; postedProjects: number; sample: Array<Omit<Comparable, "similarity">> };
    }
  | { enoughData: false; currency: string; message: string; basedOn: { count: number } };

/**
 * Similarity of a candidate to the request: 0.6 × skill overlap (Jaccard) + 0.25 × title word overlap + 0.15 for the
 * same experience level. Without skills in the request the title and level decide alone.
 */
export function projectSimilarity(
  wanted: { skills: Set<string>; titleWords: Set<string>; level: ExperienceLevel },
  candidate: { skills: Set<string>; titleWords: Set<string>; level: ExperienceLevel },
): number {
  return (
    0.6 * jaccard(wanted.skills, candidate.skills) +
    0.25 * jaccard(wanted.titleWords, candidate.titleWords) +
    (wanted.level === candidate.level ? 0.15 : 0)
  );
}

export async function estimateProjectPrice(ctx: DomainContext, input: PriceEstimateInput): Promise<Estimate> {
  const data = parseInput(priceEstimateSchema, input);
  const currency = normalizeCurrency(data.currency);
  if (!currency) throw fieldError("currency", `We do not support the currency "${data.currency}" yet.`, "unsupported_currency");
  const category = await requireCategory(ctx, data.category);
  const skillSlugs = await requireSkills(ctx, data.skills);
  const same = sql`p.category_slug = ${category.slug} AND p.budget_type = ${data.budgetType} AND p.currency = ${currency} AND ${MARKET_DATA_PROJECT_SQL}`;
  // Projects sharing a skill first; when they are few, the rest of the category (similarity still ranks them lower).
  const sharing =
    skillSlugs.length > 0
      ? await ctx.db.all<{ id: string }>(sql`SELECT p.id AS id FROM project_skills ps JOIN projects p ON p.id = ps.project_id
          WHERE ps.skill_slug IN (${sql.join(
            skillSlugs.map((s) => sql`${s}`),
            sql`, `,
          )}) AND ${same}
          GROUP BY p.id ORDER BY count(*) DESC, p.created_at DESC LIMIT ${CANDIDATE_LIMIT}`)
      : [];
  const rest =
    sharing.length < COMPARABLE_LIMIT
      ? await ctx.db.all<{ id: string }>(
          sql`SELECT p.id AS id FROM projects p WHERE ${same} ORDER BY p.created_at DESC LIMIT ${CANDIDATE_LIMIT}`,
        )
      : [];
  const ids = [...new Set([...sharing, ...rest].map((c) => c.id))].slice(0, CANDIDATE_LIMIT);
  if (ids.length < MIN_COMPARABLES) return notEnough(currency, ids.length);
  const [rows, skillRows, deals] = await ctx.db.batch([
    ctx.db
      .select({ id: projects.id, title: projects.title, min: projects.budgetMin, max: projects.budgetMax, level: projects.experienceLevel })
      .from(projects)
      .where(inArray(projects.id, ids)),
    ctx.db
      .select({ id: projectSkills.projectId, slug: projectSkills.skillSlug })
      .from(projectSkills)
      .where(inArray(projectSkills.projectId, ids)),
    ctx.db
      .select({ id: contracts.projectId, amount: contracts.amount, hourlyRate: contracts.hourlyRate, currency: contracts.currency })
      .from(contracts)
      .where(and(inArray(contracts.projectId, ids), ne(contracts.status, "declined"))),
  ]);
  const skillsOf = new Map<string, Set<string>>();
  for (const s of skillRows) (skillsOf.get(s.id) ?? skillsOf.set(s.id, new Set()).get(s.id)!).add(s.slug);
  const agreed = new Map<string, number>();
  for (const d of deals) {
    if (d.currency !== currency) continue;
    agreed.set(d.id, data.budgetType === "hourly" ? (d.hourlyRate ?? d.amount) : d.amount);
  }
  const wanted = { skills: new Set(skillSlugs), titleWords: wordSet(data.title), level: LEVEL_OF[data.complexity] };
  const order = new Map(ids.map((id, i) => [id, i]));
  const comparables = rows
    .map((r) => ({
      row: r,
      similarity: projectSimilarity(wanted, { skills: skillsOf.get(r.id) ?? new Set(), titleWords: wordSet(r.title), level: r.level }),
    }))
    .sort((a, b) => b.similarity - a.similarity || order.get(a.row.id)! - order.get(b.row.id)!)
    .slice(0, COMPARABLE_LIMIT);
  const amounts = comparables.map(({ row }) => agreed.get(row.id) ?? Math.round((row.min + row.max) / 2));
  const summary = summarizeAmounts(amounts);
  if (!summary) return notEnough(currency, comparables.length);
  const contractCount = comparables.filter(({ row }) => agreed.has(row.id)).length;
  return {
    enoughData: true,
    ...summary,
    currency,
    basedOn: {
      count: comparables.length,
      contracts: contractCount,
      postedProjects: comparables.length - contractCount,
      sample: comparables.slice(0, SAMPLE_SIZE).map(({ row }) => ({
        id: row.id,
        title: row.title,
        source: agreed.has(row.id) ? ("contract" as const) : ("budget" as const),
      })),
    },
  };
}

function notEnough(currency: string, count: number): Estimate {
  return {
    enoughData: false,
    currency,
    message: `Not enough comparable projects to estimate a price yet (${count} found, ${MIN_COMPARABLES} needed). Try fewer or broader skills, or another currency.`,
    basedOn: { count },
  };
}
