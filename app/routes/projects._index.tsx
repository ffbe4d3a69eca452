import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BUDGET_TYPES, EXPERIENCE_LEVELS } from "../../db/schema/values";
import { listCategories } from "../../worker/domain/taxonomy/taxonomy";
import { PROJECT_SEARCH_STATUSES } from "../../worker/domain/search/project-filters";
import { projectSearchFromUrl, savedQueryString } from "../../worker/domain/search/project-url";
import { searchProjects } from "../../worker/domain/search/projects";
import { saveSearch } from "../../worker/domain/saved-searches/saved-searches";
import { SaveSearchForm, saveSearchFormSchema } from "~/components/saved-searches/save-search-form";
import { PROJECT_STATUS_LABELS } from "../../worker/domain/projects/status";
import { SelectField } from "~/components/marketplace/fields";
import { BUDGET_TYPE_LABELS, EXPERIENCE_LABELS, POSTED_WITHIN_OPTIONS } from "~/components/marketplace/labels";
import { CursorPager } from "~/components/marketplace/pager";
import { DidYouMean } from "~/components/marketplace/did-you-mean";
import { ProjectCard } from "~/components/marketplace/project-card";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { SUPPORTED_CURRENCIES } from "~/utils/money";
import { getViewer } from "~/utils/session.server";
import { formatCounted } from "~/utils/count";

export const meta: MetaFunction = () => [{ title: "Find projects — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = domainFrom(context);
  const url = new URL(request.url);
  const search = projectSearchFromUrl(url.searchParams);
  const [categoryRows, viewer] = await Promise.all([listCategories(ctx), getViewer(request, context)]);
  const categories = categoryRows.map((c) => ({ slug: c.slug, name: c.name }));
  const canSave = Boolean(viewer?.user.roles.includes("freelancer"));
  const base = {
    filters: search.filters,
    categories,
    canSave,
    query: savedQueryString(url.searchParams),
    items: [],
    nextCursor: null,
    total: 0,
    totalCapped: false,
    didYouMean: null as string | null,
  };
  if (!search.ok) return data({ ...base, error: search.error }, { status: 400 });
  try {
    const result = await searchProjects(ctx, { ...search.input, limit: 20 });
    return { ...base, ...result, error: null as string | null };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return data({ ...base, error: error.message }, { status: error.status });
  }
}

/** "Save this search": keeps the page's filters by name, then shows the saved searches. */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: saveSearchFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const saved = await saveSearch(domainFrom(context), viewer.user, submission.value);
    return redirect(`/freelancer/saved-searches?saved=${encodeURIComponent(saved.id)}`);
  } catch (error) {
    return replyWithAppError(submission, error);
  }
}

export default function ProjectSearch() {
  const { filters, categories, canSave, query, items, nextCursor, total, totalCapped, didYouMean, error } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const searching = useNavigation().state === "loading";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Find projects</h1>
        <p className="text-muted mt-1">
          Projects from clients, searchable by words, skills and budget. Open ones show unless you pick another status in the filters.
        </p>
      </div>
      {/* Keyed by the text: a "Did you mean" link changes it on this same page, and the box must show the new text. */}
      <Form
        key={filters.q ?? ""}
        method="get"
        role="search"
        aria-label="Projects"
        className="border-subtle surface rounded-card space-y-4 border p-4 sm:p-5"
      >
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
      {canSave && !error ? <SaveSearchForm query={query} lastResult={answer?.result} /> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <p role="status" className="text-sm font-medium">
        {formatCounted(total, totalCapped, "project", "projects")} found
      </p>
      <DidYouMean text={didYouMean} />
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
