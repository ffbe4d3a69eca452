import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, projects } from "../../../db/schema";
import type { DomainContext } from "../context";
import { normalizeCurrency } from "../currency/supported";
import { parseInput } from "../shared/validate";
import { listedProjects, publicProjects } from "../projects/listed";
import { projectViewsSql, toProjectView, type ProjectView, type ProjectViewRow } from "../projects/views";
import { requireCategory, requireSkills } from "../taxonomy/taxonomy";
import { didYouMean } from "../taxonomy/did-you-mean";
import { clampLimit, decodeCursor, encodeCursor, keysetOf, listParam, offsetOf } from "../shared/cursor";
import { cappedCountSql, RELEVANCE_WINDOW, SEARCH_TOTAL_CAP, type SearchTotal, toSearchTotal } from "./totals";
import { planText, shortWordTerms, trigramWindow, type TextIndex } from "./text";
import { PROJECT_SEARCH_STATUSES, PROJECT_SORTS } from "./project-filters";

export const PROJECT_PAGE_DEFAULT = 20;
export const PROJECT_PAGE_MAX = 50;
export { PROJECT_SEARCH_STATUSES, PROJECT_SORTS } from "./project-filters";
const DAY_MS = 24 * 60 * 60 * 1000;
/** Title matches weigh most, then skills, then the description (bm25 column weights). */
const BM25 = sql.raw("bm25(projects_fts, 10.0, 1.0, 4.0)");
const LISTED = listedProjects(`"projects"`);

const amount = z.coerce.number().int().min(0).max(1e12);
export const projectSearchSchema = z.object({
  q: z.string().max(500).optional(),
  category: z.string().max(64).optional(),
  skills: z.union([z.string().max(1000), z.array(z.string().max(64)).max(20)]).optional(),
  budgetMin: amount.optional(),
  budgetMax: amount.optional(),
  budgetType: z.enum(BUDGET_TYPES).optional(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).optional(),
  currency: z.string().length(3).optional(),
  postedWithin: z.coerce.number().int().min(1).max(3650).optional(),
  sort: z.enum(PROJECT_SORTS).optional(),
  status: z.enum(PROJECT_SEARCH_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PROJECT_PAGE_MAX).optional(),
});
export type ProjectSearchInput = z.input<typeof projectSearchSchema>;

/** The statements of one way of matching the text (or of no text). */
export interface SearchStatements {
  /** The page's ids and sort keys (LIMIT limit + 1, to know whether another page follows). */
  page: SQL;
  /** The page with every project's full view, in page order: what runs. */
  views: SQL;
  /** How many match, counted up to SEARCH_TOTAL_CAP + 1. */
  total: SQL;
}

export interface PreparedSearch extends SearchStatements {
  sort: (typeof PROJECT_SORTS)[number];
  limit: number;
  offset: number;
  /**
   * Latin-script words the word index might not know: the same search over parts of words (the trigram index),
   * whose window is empty unless the word index knows none of the words. Runs in the same batch.
   */
  partial: SearchStatements | null;
}

const PROJECT_TEXT: TextIndex = {
  trigram: "projects_trigram",
  weights: "10.0, 1.0, 4.0",
  table: sql`${projects}`,
  columns: [projects.title, projects.description, projects.skillsText].map((c) => sql`${c}`),
};

/**
 * Builds the page and count queries (exported so a test can EXPLAIN exactly what runs). Touches no database:
 * category and skill names resolve against the isolate's taxonomy snapshot. `narrowing` adds conditions on
 * `projects` to the search's own (saved-search alerts: only this new project, only projects not sent yet).
 */
export async function prepareProjectSearch(ctx: DomainContext, input: ProjectSearchInput, narrowing: SQL[] = []): Promise<PreparedSearch> {
  const data = parseInput(projectSearchSchema, input);
  const text = planText(data.q);
  const sort = data.sort === "relevance" && !text ? "newest" : (data.sort ?? (text ? "relevance" : "newest"));
  const limit = clampLimit(data.limit, PROJECT_PAGE_DEFAULT, PROJECT_PAGE_MAX);
  const cursor = decodeCursor(data.cursor);

  // Open projects (the default) keep the one listing rule as a literal; another status, or "any", keeps its other two terms.
  const status = data.status ?? "open";
  const where: SQL[] = status === "open" ? [LISTED] : [publicProjects(`"projects"`)];
  if (status !== "open" && status !== "any") where.unshift(sql`${projects.status} = ${status}`);
  if (data.category) where.push(sql`${projects.categorySlug} = ${(await requireCategory(ctx, data.category)).slug}`);
  const skillTerms = listParam(data.skills);
  if (skillTerms.length > 0) {
    const slugs = await requireSkills(ctx, skillTerms);
    where.push(
      sql`${projects.id} IN (SELECT project_id FROM project_skills WHERE skill_slug IN (${sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  }
  if (data.budgetType) where.push(sql`${projects.budgetType} = ${data.budgetType}`);
  if (data.experienceLevel) where.push(sql`${projects.experienceLevel} = ${data.experienceLevel}`);
  if (data.currency) where.push(sql`${projects.currency} = ${normalizeCurrency(data.currency) ?? data.currency.toUpperCase()}`);
  // A budget range filter keeps projects whose own range overlaps it.
  if (data.budgetMax !== undefined) where.push(sql`${projects.budgetMin} <= ${data.budgetMax}`);
  if (data.postedWithin) where.push(sql`${projects.createdAt} >= ${ctx.clock.now().getTime() - data.postedWithin * DAY_MS}`);
  where.push(...narrowing);

  const relevance = sort === "relevance";
  const offset = relevance ? offsetOf(cursor) : 0;
  const after = relevance ? null : keysetOf(cursor);
  const build = (matches: SQL | null, textTerms: SQL[] = []): SearchStatements => {
    // CROSS JOIN pins the join order: matches first, then projects by rowid.
    const from = matches ? sql`${matches} CROSS JOIN ${projects} ON ${projects}.rowid = m.rowid` : sql`${projects}`;
    const filters = [...where, ...textTerms];
    const countWhere = [...filters];
    const pageWhere = [...filters];
    if (data.budgetMin !== undefined) {
      countWhere.push(sql`${projects.budgetMax} >= ${data.budgetMin}`);
      // For a page sorted by date, the unary + keeps the planner on the date-ordered index (it stops after one
      // page) instead of sorting the whole budget range; the count is better served by the range.
      pageWhere.push(
        sort === "budget" ? sql`${projects.budgetMax} >= ${data.budgetMin}` : sql`+${projects.budgetMax} >= ${data.budgetMin}`,
      );
    }
    const total = cappedCountSql(sql`SELECT 1 FROM ${from} WHERE ${sql.join(countWhere, sql` AND `)}`);
    let order: SQL;
    let pageOrder: SQL;
    if (relevance) {
      order = sql`m.rank, ${projects.id}`;
      pageOrder = sql`page.rank, page.id`;
    } else {
      const sortColumn = sort === "newest" ? projects.createdAt : projects.budgetMax;
      if (after) pageWhere.push(sql`(${sortColumn}, ${projects.id}) < (${after[0]}, ${after[1]})`);
      order = sql`${sortColumn} DESC, ${projects.id} DESC`;
      pageOrder = sort === "newest" ? sql`page.created_at DESC, page.id DESC` : sql`page.budget_max DESC, page.id DESC`;
    }
    const rank = matches ? sql`m.rank` : sql`0`;
    const page = sql`SELECT ${projects.id} AS id, ${projects.createdAt} AS created_at, ${projects.budgetMax} AS budget_max, ${rank} AS rank FROM ${from} WHERE ${sql.join(pageWhere, sql` AND `)} ORDER BY ${order} LIMIT ${limit + 1} OFFSET ${offset}`;
    return { page, views: projectViewsSql(page, pageOrder), total };
  };

  const shape = { sort, limit, offset };
  if (!text) return { ...build(null), ...shape, partial: null };
  if (text.kind === "trigrams") {
    return { ...build(trigramWindow(PROJECT_TEXT, text.query), shortWordTerms(PROJECT_TEXT, text.query)), ...shape, partial: null };
  }
  // Text: the newest RELEVANCE_WINDOW matches of the word index (its rowids follow posting order), joined to
  // projects by rowid. The window bounds the work for a word every project uses; rarer words are all ranked.
  const words = build(
    sql`(SELECT rowid, ${BM25} AS rank FROM projects_fts WHERE projects_fts MATCH ${text.match} ORDER BY rowid DESC LIMIT ${RELEVANCE_WINDOW}) AS m`,
  );
  const partial = text.partial
    ? build(
        trigramWindow(PROJECT_TEXT, text.partial, { index: "projects_fts", match: text.match }),
        shortWordTerms(PROJECT_TEXT, text.partial),
      )
    : null;
  return { ...words, ...shape, partial };
}

type PageRow = ProjectViewRow & { created_at: number; budget_max: number };

/**
 * Public projects (open ones unless `status` says otherwise) matching text and filters, with a total counted up
 * to SEARCH_TOTAL_CAP and a cursor to the next page: one database round trip. When nothing matches, or only parts
 * of words did, `didYouMean` offers the text with misspelt skills and categories corrected.
 */
export async function searchProjects(
  ctx: DomainContext,
  input: ProjectSearchInput,
): Promise<{ items: ProjectView[]; nextCursor: string | null; didYouMean: string | null } & SearchTotal> {
  const prepared = await prepareProjectSearch(ctx, input);
  const statements = [ctx.db.all<PageRow>(prepared.views), ctx.db.all<{ n: number }>(prepared.total)] as const;
  const answers = prepared.partial
    ? await ctx.db.batch([...statements, ctx.db.all<PageRow>(prepared.partial.views), ctx.db.all<{ n: number }>(prepared.partial.total)])
    : await ctx.db.batch(statements);
  // The partial-word window is empty whenever the word index knows a word, so at most one of the two answered.
  const fromWords = answers.length === 2 || answers[0].length > 0 || Number(answers[1][0]?.n ?? 0) > 0;
  const [rows, totals] = fromWords ? [answers[0], answers[1]] : [answers[2] as PageRow[], answers[3] as Array<{ n: number }>];
  const pageRows = rows.slice(0, prepared.limit);
  let nextCursor: string | null = null;
  if (rows.length > prepared.limit) {
    const last = pageRows[pageRows.length - 1];
    nextCursor =
      prepared.sort === "relevance"
        ? encodeCursor({ o: prepared.offset + prepared.limit })
        : encodeCursor({ k: [prepared.sort === "newest" ? Number(last.created_at) : Number(last.budget_max), last.id] });
  }
  const total = toSearchTotal(totals[0]?.n);
  const weak = total.total === 0 || !fromWords;
  return {
    items: pageRows.map((row) => toProjectView(ctx, row)),
    nextCursor,
    didYouMean: weak && input.q && !input.cursor ? await didYouMean(ctx, input.q) : null,
    ...total,
  };
}

export { SEARCH_TOTAL_CAP };
