import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { freelancerProfiles } from "../../../db/schema";
import type { DomainContext } from "../context";
import { normalizeCurrency } from "../currency/supported";
import { fieldError, parseInput } from "../shared/validate";
import { languageCode } from "../profiles/languages";
import { normalizeCountry } from "../profiles/countries";
import { freelancerSummariesSql, toFreelancerSummary, type FreelancerSummary, type FreelancerSummaryRow } from "../profiles/views";
import { requireSkills } from "../taxonomy/taxonomy";
import { clampLimit, decodeCursor, encodeCursor, keysetOf, listParam, offsetOf } from "../shared/cursor";
import { didYouMean } from "../taxonomy/did-you-mean";
import { planText, shortWordTerms, trigramWindow, type TextIndex } from "./text";
import { cappedCountSql, RELEVANCE_WINDOW, toSearchTotal, type SearchTotal } from "./totals";

export const FREELANCER_PAGE_DEFAULT = 20;
export const FREELANCER_PAGE_MAX = 50;
export const FREELANCER_SORTS = ["relevance", "rating", "rate_low", "rate_high", "newest"] as const;
const BM25 = sql.raw("bm25(freelancers_fts, 10.0, 1.0, 5.0)");
const fp = freelancerProfiles;
const FREELANCER_TEXT: TextIndex = {
  trigram: "freelancers_trigram",
  weights: "10.0, 1.0, 5.0",
  table: sql`${fp}`,
  columns: [fp.headline, fp.bio, fp.skillsText].map((c) => sql`${c}`),
};

const amount = z.coerce.number().int().min(0).max(1e12);
export const freelancerSearchSchema = z.object({
  q: z.string().max(500).optional(),
  skills: z.union([z.string().max(1000), z.array(z.string().max(64)).max(20)]).optional(),
  rateMin: amount.optional(),
  rateMax: amount.optional(),
  currency: z.string().length(3).optional(),
  country: z.string().length(2).optional(),
  /** An ISO 639-1 code ("de") or English name: freelancers who list that language, at any level. */
  language: z.string().trim().min(2).max(40).optional(),
  availability: z.coerce.number().int().min(0).max(168).optional(),
  rating: z.coerce.number().min(0).max(5).optional(),
  sort: z.enum(FREELANCER_SORTS).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(FREELANCER_PAGE_MAX).optional(),
});
export type FreelancerSearchInput = z.input<typeof freelancerSearchSchema>;

const SORT_KEYS = {
  rating: { column: fp.ratingAvg, dir: "DESC" },
  rate_low: { column: fp.hourlyRate, dir: "ASC" },
  rate_high: { column: fp.hourlyRate, dir: "DESC" },
  newest: { column: fp.createdAt, dir: "DESC" },
} as const;

/** Builds the page and count queries (exported so a test can EXPLAIN exactly what runs). */
export async function prepareFreelancerSearch(ctx: DomainContext, input: FreelancerSearchInput) {
  const data = parseInput(freelancerSearchSchema, input);
  const text = planText(data.q);
  const sort = data.sort === "relevance" && !text ? "rating" : (data.sort ?? (text ? "relevance" : "rating"));
  const limit = clampLimit(data.limit, FREELANCER_PAGE_DEFAULT, FREELANCER_PAGE_MAX);
  const cursor = decodeCursor(data.cursor);

  const where: SQL[] = [];
  const skillTerms = listParam(data.skills);
  if (skillTerms.length > 0) {
    const slugs = await requireSkills(ctx, skillTerms);
    where.push(
      sql`${fp.userId} IN (SELECT user_id FROM freelancer_skills WHERE skill_slug IN (${sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  }
  if (data.rateMin !== undefined) where.push(sql`${fp.hourlyRate} >= ${data.rateMin}`);
  if (data.rateMax !== undefined) where.push(sql`${fp.hourlyRate} <= ${data.rateMax}`);
  if (data.currency) where.push(sql`${fp.currency} = ${normalizeCurrency(data.currency) ?? data.currency.toUpperCase()}`);
  if (data.country) where.push(sql`${fp.country} = ${normalizeCountry(data.country) ?? data.country.toUpperCase()}`);
  if (data.language) {
    const code = languageCode(data.language);
    if (!code) throw fieldError("language", `We do not know the language "${data.language}".`);
    where.push(sql`EXISTS (SELECT 1 FROM json_each(${fp.languages}) AS l WHERE json_extract(l.value, '$.code') = ${code})`);
  }
  if (data.availability !== undefined) where.push(sql`${fp.availabilityHoursPerWeek} >= ${data.availability}`);
  if (data.rating !== undefined) where.push(sql`${fp.ratingAvg} >= ${data.rating}`);
  if (sort === "rate_low" || sort === "rate_high") where.push(sql`${fp.hourlyRate} IS NOT NULL`);

  let offset = 0;
  if (sort === "relevance") offset = offsetOf(cursor);
  const after = sort === "relevance" ? null : keysetOf(cursor);
  const filter = (parts: SQL[]) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);
  const build = (matches: SQL | null, textTerms: SQL[] = []) => {
    const from = matches ? sql`${matches} CROSS JOIN ${fp} ON ${fp}.rowid = m.rowid` : sql`${fp}`;
    const filters = [...where, ...textTerms];
    const total = cappedCountSql(sql`SELECT 1 FROM ${from} ${filter(filters)}`);
    let order: SQL;
    let pageOrder: SQL;
    const pageWhere = [...filters];
    if (sort === "relevance") {
      order = sql`m.rank, ${fp.userId}`;
      pageOrder = sql`page.rank, page.user_id`;
    } else {
      const { column, dir } = SORT_KEYS[sort];
      if (after)
        pageWhere.push(
          dir === "DESC"
            ? sql`(${column}, ${fp.userId}) < (${after[0]}, ${after[1]})`
            : sql`(${column}, ${fp.userId}) > (${after[0]}, ${after[1]})`,
        );
      order = sql`${column} ${sql.raw(dir)}, ${fp.userId} ${sql.raw(dir)}`;
      pageOrder = sql`page.${sql.raw(PAGE_KEYS[sort])} ${sql.raw(dir)}, page.user_id ${sql.raw(dir)}`;
    }
    const rank = matches ? sql`m.rank` : sql`0`;
    const page = sql`SELECT ${fp.userId} AS user_id, ${fp.ratingAvg} AS rating, ${fp.hourlyRate} AS rate, ${fp.createdAt} AS created_at, ${rank} AS rank FROM ${from} ${filter(pageWhere)} ORDER BY ${order} LIMIT ${limit + 1} OFFSET ${offset}`;
    return { page, views: freelancerSummariesSql(ctx, page, pageOrder), total };
  };

  const shape = { sort, limit, offset };
  if (!text) return { ...build(null), ...shape, partial: null };
  if (text.kind === "trigrams") {
    return { ...build(trigramWindow(FREELANCER_TEXT, text.query), shortWordTerms(FREELANCER_TEXT, text.query)), ...shape, partial: null };
  }
  // The newest RELEVANCE_WINDOW text matches first, then profiles by rowid (see search/projects.ts); parts of
  // words from the trigram index only when the word index knows none of the words.
  const words = build(
    sql`(SELECT rowid, ${BM25} AS rank FROM freelancers_fts WHERE freelancers_fts MATCH ${text.match} ORDER BY rowid DESC LIMIT ${RELEVANCE_WINDOW}) AS m`,
  );
  const partial = text.partial
    ? build(
        trigramWindow(FREELANCER_TEXT, text.partial, { index: "freelancers_fts", match: text.match }),
        shortWordTerms(FREELANCER_TEXT, text.partial),
      )
    : null;
  return { ...words, ...shape, partial };
}

/** The page's column for each sort key. */
const PAGE_KEYS = { rating: "rating", rate_low: "rate", rate_high: "rate", newest: "created_at" } as const;

/**
 * Freelancers matching text (headline, bio, skills) and filters, with a total counted up to SEARCH_TOTAL_CAP and
 * a next-page cursor: one database round trip.
 */
export async function searchFreelancers(
  ctx: DomainContext,
  input: FreelancerSearchInput,
): Promise<{ items: FreelancerSummary[]; nextCursor: string | null; didYouMean: string | null } & SearchTotal> {
  const prepared = await prepareFreelancerSearch(ctx, input);
  const statements = [ctx.db.all<FreelancerSummaryRow>(prepared.views), ctx.db.all<{ n: number }>(prepared.total)] as const;
  const answers = prepared.partial
    ? await ctx.db.batch([
        ...statements,
        ctx.db.all<FreelancerSummaryRow>(prepared.partial.views),
        ctx.db.all<{ n: number }>(prepared.partial.total),
      ])
    : await ctx.db.batch(statements);
  // The partial-word window is empty whenever the word index knows a word, so at most one of the two answered.
  const fromWords = answers.length === 2 || answers[0].length > 0 || Number(answers[1][0]?.n ?? 0) > 0;
  const [rows, totals] = fromWords ? [answers[0], answers[1]] : [answers[2] as FreelancerSummaryRow[], answers[3] as Array<{ n: number }>];
  const pageRows = rows.slice(0, prepared.limit);
  let nextCursor: string | null = null;
  if (rows.length > prepared.limit) {
    const last = pageRows[pageRows.length - 1];
    const sortValue = { rating: last.rating_avg, rate_low: last.hourly_rate, rate_high: last.hourly_rate, newest: last.created_at };
    nextCursor =
      prepared.sort === "relevance"
        ? encodeCursor({ o: prepared.offset + prepared.limit })
        : encodeCursor({ k: [Number(sortValue[prepared.sort]), last.user_id] });
  }
  const total = toSearchTotal(totals[0]?.n);
  const weak = total.total === 0 || !fromWords;
  return {
    items: pageRows.map((row) => toFreelancerSummary(ctx, row)),
    nextCursor,
    didYouMean: weak && input.q && !input.cursor ? await didYouMean(ctx, input.q) : null,
    ...total,
  };
}
