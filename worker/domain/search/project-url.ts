import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS } from "../../../db/schema/values";
import { toMinorUnits } from "../currency/minor-units";
import { PROJECT_SEARCH_STATUSES, PROJECT_SORTS } from "./project-filters";
import type { ProjectSearchInput } from "./projects";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/**
 * The /projects page's URL filters: the URL is the state of a search, so results can be shared, the back button
 * works, and a saved search is that URL's query string. Budgets are typed in major units (`min`, `max`).
 */
export const projectUrlFiltersSchema = z.object({
  q: optional(z.string().max(200)),
  category: optional(z.string().max(64)),
  skills: optional(z.string().max(500)),
  budgetType: optional(z.enum(BUDGET_TYPES)),
  currency: optional(z.string().length(3)),
  min: optional(z.string().max(20)),
  max: optional(z.string().max(20)),
  experienceLevel: optional(z.enum(EXPERIENCE_LEVELS)),
  postedWithin: optional(z.coerce.number().int().min(1).max(3650)),
  sort: optional(z.enum(PROJECT_SORTS)),
  status: optional(z.enum(PROJECT_SEARCH_STATUSES)),
  cursor: optional(z.string().max(500)),
});
export type ProjectUrlFilters = z.infer<typeof projectUrlFiltersSchema>;

/** The filters a saved search keeps: all but the page cursor. */
const SAVED_KEYS = Object.keys(projectUrlFiltersSchema.shape).filter((key) => key !== "cursor") as Array<keyof ProjectUrlFilters>;

export type ProjectUrlSearch =
  { ok: true; filters: ProjectUrlFilters; input: ProjectSearchInput } | { ok: false; filters: ProjectUrlFilters; error: string };

/** What a search page says when its address carried filters it cannot read. */
export const FILTERS_CLEARED = "Some filters were not valid, so we cleared them.";

/** Reads the page's URL filters into a project search's input, or says in words what is wrong with them. */
export function projectSearchFromUrl(params: URLSearchParams): ProjectUrlSearch {
  const parsed = projectUrlFiltersSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, filters: {}, error: FILTERS_CLEARED };
  const filters = parsed.data;
  const money = (text: string | undefined) => (text ? toMinorUnits(text, filters.currency ?? "USD") : undefined);
  const budgetMin = money(filters.min);
  const budgetMax = money(filters.max);
  if (budgetMin === null || budgetMax === null) {
    return { ok: false, filters, error: "Enter the budget range as plain amounts, like 500 or 1500.50." };
  }
  const { min: _min, max: _max, ...rest } = filters;
  return { ok: true, filters, input: { ...rest, budgetMin, budgetMax } };
}

/** The query string a saved search keeps: the known filters that are set, in a stable order, without the cursor. */
export function savedQueryString(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of SAVED_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") out.set(key, value.trim());
  }
  return out.toString();
}
