import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS } from "../../db/schema/values";
import { listCategories } from "../../worker/domain/taxonomy/taxonomy";
import { PROJECT_SEARCH_STATUSES, PROJECT_SORTS } from "../../worker/domain/search/project-filters";
import { searchProjects } from "../../worker/domain/search/projects";
import { PROJECT_STATUS_LABELS } from "../../worker/domain/projects/status";
import { SelectField } from "~/components/marketplace/fields";
import { BUDGET_TYPE_LABELS, EXPERIENCE_LABELS, POSTED_WITHIN_OPTIONS } from "~/components/marketplace/labels";
import { CursorPager } from "~/components/marketplace/pager";
import { ProjectCard } from "~/components/marketplace/project-card";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { AppError, domainFrom } from "~/utils/domain.server";
import { SUPPORTED_CURRENCIES, toMinorUnits } from "~/utils/money";
import { formatCounted } from "~/utils/count";

export const meta: MetaFunction = () => [{ title: "Find projects — MegiLance" }];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The URL is the state of the search, so results can be shared and the back button works. */
const filtersSchema = z.object({
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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = domainFrom(context);
  const url = new URL(request.url);
  const parsed = filtersSchema.safeParse(Object.fromEntries(url.searchParams));
  const filters = parsed.success ? parsed.data : {};
  const categories = (await listCategories(ctx)).map((c) => ({ slug: c.slug, name: c.name }));
  const base = { filters, categories, items: [], nextCursor: null, total: 0, totalCapped: false };
  if (!parsed.success) return data({ ...base, error: "Some filters were not valid, so we cleared them." }, { status: 400 });
  const money = (text: string | undefined) => (text ? toMinorUnits(text, filters.currency ?? "USD") : undefined);
  const budgetMin = money(filters.min);
  const budgetMax = money(filters.max);
  if (budgetMin === null || budgetMax === null)
    return data({ ...base, error: "Enter the budget range as plain amounts, like 500 or 1500.50." }, { status: 400 });
  try {
    const result = await searchProjects(ctx, { ...filters, budgetMin, budgetMax, limit: 20 });
    return { ...base, ...result, error: null as string | null };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return data({ ...base, error: error.message }, { status: error.status });
  }
}

export default function ProjectSearch() {
  const { filters, categories, items, nextCursor, total, totalCapped, error } = useLoaderData<typeof loader>();
  const searching = useNavigation().state === "loading";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Find projects</h1>
        <p className="text-muted mt-1">
          Projects from clients, searchable by words, skills and budget. Open ones show unless you pick another status in the filters.
        </p>
      </div>
      <Form method="get" role="search" aria-label="Projects" className="border-subtle surface rounded-card space-y-4 border p-4 sm:p-5">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field
            className="flex-1"
            label="Search projects"
            inputProps={{ id: "q", name: "q", type: "search", defaultValue: filters.q ?? "" }}
          />
          <Button type="submit" disabled={searching}>
            Search
          </Button>
        </div>
        <details
          open={Boolean(
            filters.category ||
            filters.skills ||
            filters.budgetType ||
            filters.min ||
            filters.max ||
            filters.experienceLevel ||
            filters.postedWithin ||
            filters.status,
          )}
        >
          <summary className="cursor-pointer text-sm font-medium">Filters</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <SelectField
              label="Category"
              options={[{ value: "", label: "Any category" }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
              selectProps={{ id: "category", name: "category", defaultValue: filters.category ?? "" }}
            />
            <Field
              label="Skills"
              hint="Comma-separated, e.g. react, typescript"
              inputProps={{ id: "skills", name: "skills", defaultValue: filters.skills ?? "" }}
            />
            <SelectField
              label="Budget type"
              options={[{ value: "", label: "Fixed or hourly" }, ...BUDGET_TYPES.map((t) => ({ value: t, label: BUDGET_TYPE_LABELS[t] }))]}
              selectProps={{ id: "budgetType", name: "budgetType", defaultValue: filters.budgetType ?? "" }}
            />
            <SelectField
              label="Currency"
              options={[{ value: "", label: "Any currency" }, ...SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))]}
              selectProps={{ id: "currency", name: "currency", defaultValue: filters.currency ?? "" }}
            />
            <Field label="Budget from" inputProps={{ id: "min", name: "min", inputMode: "decimal", defaultValue: filters.min ?? "" }} />
            <Field label="Budget up to" inputProps={{ id: "max", name: "max", inputMode: "decimal", defaultValue: filters.max ?? "" }} />
            <SelectField
              label="Experience level"
              options={[{ value: "", label: "Any level" }, ...EXPERIENCE_LEVELS.map((l) => ({ value: l, label: EXPERIENCE_LABELS[l] }))]}
              selectProps={{ id: "experienceLevel", name: "experienceLevel", defaultValue: filters.experienceLevel ?? "" }}
            />
            <SelectField
              label="Posted within"
              options={POSTED_WITHIN_OPTIONS}
              selectProps={{
                id: "postedWithin",
                name: "postedWithin",
                defaultValue: filters.postedWithin ? String(filters.postedWithin) : "",
              }}
            />
            <SelectField
              label="Project status"
              options={[
                { value: "", label: "Open for proposals" },
                ...PROJECT_SEARCH_STATUSES.filter((st) => st !== "open" && st !== "any").map((st) => ({
                  value: st,
                  label: PROJECT_STATUS_LABELS[st],
                })),
                { value: "any", label: "Any status" },
              ]}
              selectProps={{
                id: "status",
                name: "status",
                defaultValue: filters.status && filters.status !== "open" ? filters.status : "",
              }}
            />
            <SelectField
              label="Sort by"
              options={[
                { value: "", label: "Best match" },
                { value: "newest", label: "Newest" },
                { value: "budget", label: "Highest budget" },
              ]}
              selectProps={{ id: "sort", name: "sort", defaultValue: filters.sort && filters.sort !== "relevance" ? filters.sort : "" }}
            />
          </div>
          <Link to="/projects" className={buttonClass("ghost", "sm", "mt-3")}>
            Clear filters
          </Link>
        </details>
      </Form>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <p role="status" className="text-sm font-medium">
        {formatCounted(total, totalCapped, "project", "projects")} found
      </p>
      {items.length === 0 ? (
        <EmptyState title="No projects match">Try fewer words or filters.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Projects">
          {items.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}
      <CursorPager nextCursor={nextCursor} label="Project result pages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
