import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FREELANCER_SORTS, searchFreelancers } from "../../worker/domain/search/freelancers";
import { LANGUAGES } from "../../worker/domain/profiles/languages";
import { SelectField } from "~/components/marketplace/fields";
import { MarketplaceFrame } from "~/components/marketplace/frame";
import { CursorPager } from "~/components/marketplace/pager";
import { DidYouMean } from "~/components/marketplace/did-you-mean";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { summarizeViewer } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { formatMoney, SUPPORTED_CURRENCIES, toMinorUnits } from "~/utils/money";
import { getViewer } from "~/utils/session.server";
import { formatCounted } from "~/utils/count";
import { FILTERS_CLEARED } from "../../worker/domain/search/project-url";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Find freelancers — MegiLance" }];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The URL is the state of the search, so results can be shared and the back button works. */
const filtersSchema = z.object({
  q: optional(z.string().max(200)),
  skills: optional(z.string().max(500)),
  currency: optional(z.string().length(3)),
  min: optional(z.string().max(20)),
  max: optional(z.string().max(20)),
  country: optional(
    z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2}$/),
  ),
  language: optional(z.string().trim().max(40)),
  availability: optional(z.coerce.number().int().min(0).max(168)),
  rating: optional(z.coerce.number().min(0).max(5)),
  sort: optional(z.enum(FREELANCER_SORTS)),
  cursor: optional(z.string().max(500)),
});

const LANGUAGE_OPTIONS = [
  { value: "", label: "Any language" },
  ...[...LANGUAGES].sort((a, b) => a.name.localeCompare(b.name, "en")).map((l) => ({ value: l.code, label: l.name })),
];

const RATING_OPTIONS = [
  { value: "", label: "Any rating" },
  { value: "3", label: "3 stars and up" },
  { value: "4", label: "4 stars and up" },
  { value: "4.5", label: "4.5 stars and up" },
];

const SORT_OPTIONS = [
  { value: "", label: "Best match" },
  { value: "rating", label: "Highest rated" },
  { value: "rate_low", label: "Lowest rate" },
  { value: "rate_high", label: "Highest rate" },
  { value: "newest", label: "Newest" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const parsed = filtersSchema.safeParse(Object.fromEntries(url.searchParams));
  const filters = parsed.success ? parsed.data : {};
  const base = {
    viewer: viewer ? summarizeViewer(viewer) : null,
    filters,
    items: [],
    nextCursor: null,
    total: 0,
    totalCapped: false,
    didYouMean: null as string | null,
  };
  if (!parsed.success) return data({ ...base, error: FILTERS_CLEARED }, { status: 400 });
  const money = (text: string | undefined) => (text ? toMinorUnits(text, filters.currency ?? "USD") : undefined);
  const rateMin = money(filters.min);
  const rateMax = money(filters.max);
  if (rateMin === null || rateMax === null)
    return data({ ...base, error: "Enter the hourly rate range as plain amounts, like 25 or 80.50." }, { status: 400 });
  try {
    const result = await searchFreelancers(domainFrom(context), { ...filters, rateMin, rateMax, limit: 20 });
    return { ...base, ...result, error: null as string | null };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    return data({ ...base, error: error.message }, { status: error.status });
  }
}

export default function FreelancerSearch() {
  const { viewer, filters, items, nextCursor, total, totalCapped, didYouMean, error } = useLoaderData<typeof loader>();
  const searching = useNavigation().state === "loading";
  const filtered = Boolean(
    filters.skills ||
    filters.currency ||
    filters.min ||
    filters.max ||
    filters.country ||
    filters.language ||
    filters.availability ||
    filters.rating,
  );
  return (
    <MarketplaceFrame title="Freelancers" viewer={viewer}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Find freelancers</h1>
          <p className="text-muted mt-1">Search freelancers by words, skills, rate, country, language and availability.</p>
        </div>
        {/* Keyed by the text: a "Did you mean" link changes it on this same page, and the box must show the new text. */}
        <Form
          key={filters.q ?? ""}
          method="get"
          role="search"
          aria-label="Freelancers"
          className="border-subtle surface rounded-card space-y-4 border p-4 sm:p-5"
        >
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field
              className="flex-1"
              label="Search freelancers"
              inputProps={{ id: "q", name: "q", type: "search", defaultValue: filters.q ?? "" }}
            />
            <Button type="submit" disabled={searching}>
              Search
            </Button>
          </div>
          <details open={filtered}>
            <summary className="cursor-pointer text-sm font-medium">Filters</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <Field
                label="Skills"
                hint="Comma-separated, e.g. react, postgres"
                inputProps={{ id: "skills", name: "skills", defaultValue: filters.skills ?? "" }}
              />
              <SelectField
                label="Currency"
                options={[{ value: "", label: "Any currency" }, ...SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))]}
                selectProps={{ id: "currency", name: "currency", defaultValue: filters.currency ?? "" }}
              />
              <Field
                label="Hourly rate from"
                inputProps={{ id: "min", name: "min", inputMode: "decimal", defaultValue: filters.min ?? "" }}
              />
              <Field
                label="Hourly rate up to"
                inputProps={{ id: "max", name: "max", inputMode: "decimal", defaultValue: filters.max ?? "" }}
              />
              <Field
                label="Country"
                hint="Two-letter code, e.g. DE"
                inputProps={{ id: "country", name: "country", maxLength: 2, defaultValue: filters.country ?? "" }}
              />
              <SelectField
                label="Speaks"
                options={LANGUAGE_OPTIONS}
                selectProps={{ id: "language", name: "language", defaultValue: filters.language ?? "" }}
              />
              <Field
                label="Available at least (hours/week)"
                inputProps={{
                  id: "availability",
                  name: "availability",
                  type: "number",
                  min: 0,
                  max: 168,
                  defaultValue: filters.availability ?? "",
                }}
              />
              <SelectField
                label="Minimum rating"
                options={RATING_OPTIONS}
                selectProps={{ id: "rating", name: "rating", defaultValue: filters.rating !== undefined ? String(filters.rating) : "" }}
              />
              <SelectField
                label="Sort by"
                options={SORT_OPTIONS}
                selectProps={{ id: "sort", name: "sort", defaultValue: filters.sort && filters.sort !== "relevance" ? filters.sort : "" }}
              />
            </div>
            <Link to="/freelancers" className={buttonClass("ghost", "sm", "mt-3")}>
              Clear filters
            </Link>
          </details>
        </Form>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <p role="status" className="text-sm font-medium">
          {formatCounted(total, totalCapped, "freelancer", "freelancers")} found
        </p>
        <DidYouMean text={didYouMean} />
        {items.length === 0 ? (
          <EmptyState title="No freelancers match">Try fewer words or filters.</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label="Freelancers">
            {items.map((person) => (
              <li key={person.userId}>
                <article className="border-subtle surface rounded-card border p-4 sm:p-5">
                  <div className="flex items-center gap-3">
                    <Avatar name={person.name} photoUrl={person.photoUrl} size="lg" />
                    <h2 className="min-w-0 text-lg font-semibold break-words">
                      <Link to={`/f/${person.handle}`} className="hover:underline">
                        {person.name}
                      </Link>
                    </h2>
                  </div>
                  <p className="mt-1 text-sm">{person.headline}</p>
                  <p className="text-muted mt-1 text-sm">
                    {person.hourlyRate !== null ? `${formatMoney(person.hourlyRate, person.currency)} per hour` : "Rate on request"}
                    {person.country ? ` · ${person.country}` : ""}
                    {person.rating.count > 0
                      ? ` · Rated ${person.rating.average.toFixed(1)}/5 (${person.rating.count} review${person.rating.count === 1 ? "" : "s"})`
                      : ""}
                  </p>
                  <div className="mt-3 flex flex-wrap items-center gap-1.5">
                    {person.skills.map((skill) => (
                      <Badge key={skill.slug}>{skill.name}</Badge>
                    ))}
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="Freelancer result pages" />
      </div>
    </MarketplaceFrame>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 sm:px-8">
      <RouteError />
    </main>
  );
}
