import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { SAVED_SEARCH_FREQUENCIES, type SavedSearchFrequency } from "../../db/schema/values";
import { changeSavedSearch, deleteSavedSearch, getSavedSearch, listSavedSearches } from "../../worker/domain/saved-searches/saved-searches";
import { CursorPager } from "~/components/marketplace/pager";
import { SelectField } from "~/components/marketplace/fields";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmationPage, ConfirmButton, usePendingConfirmation, type Confirmation } from "~/components/ui/confirm";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { AppError, domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "Saved searches — MegiLance" }];

const FREQUENCY_LABELS: Record<SavedSearchFrequency, string> = {
  instant: "Instant alerts",
  daily: "Daily e-mail digest",
  none: "No alerts",
};

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("frequency"), id: z.string().max(64), frequency: z.enum(SAVED_SEARCH_FREQUENCIES) }),
  z.object({ intent: z.literal("delete"), id: z.string().max(64), name: z.string().max(200).optional() }),
]);

const deleteConfirmation = (name: string): Confirmation => ({
  title: `Delete “${name}”?`,
  body: <p>The search and its alerts stop for good. Projects you already heard of stay where they are.</p>,
  confirmLabel: "Delete search",
  tone: "danger",
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const params = new URL(request.url).searchParams;
  const ctx = domainFrom(context);
  const page = await listSavedSearches(ctx, viewer.user.id, { cursor: params.get("cursor")?.slice(0, 64) || undefined });
  const savedId = params.get("saved");
  const saved = savedId ? await getSavedSearch(ctx, viewer.user.id, savedId.slice(0, 64)).catch(() => null) : null;
  return { ...page, saved: saved?.name ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: intentSchema });
  if (submission.status !== "success") return data({ error: "Choose how this search should alert you." }, { status: 400 });
  const unconfirmed = confirmationNeeded(form, ["delete"]);
  if (unconfirmed) return unconfirmed;
  const ctx = domainFrom(context);
  const { value } = submission;
  try {
    switch (value.intent) {
      case "frequency":
        await changeSavedSearch(ctx, viewer.user.id, value.id, { frequency: value.frequency });
        return redirect(`/freelancer/saved-searches?done=changed`);
      case "delete":
        await deleteSavedSearch(ctx, viewer.user.id, value.id);
        return redirect(`/freelancer/saved-searches?done=deleted`);
      default:
        return value satisfies never;
    }
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return data({ error: error.message }, { status: 404 });
    throw error;
  }
}

const DONE: Record<string, string> = { changed: "Alerts updated.", deleted: "The saved search is deleted." };

function filtersText(query: string): string {
  const parts = [...new URLSearchParams(query)].map(([key, value]) => `${key}: ${value}`);
  return parts.length ? parts.join(" · ") : "Every open project";
}

export default function SavedSearches() {
  const { items, nextCursor, saved } = useLoaderData<typeof loader>();
  const pending = usePendingConfirmation();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  if (pending) return <ConfirmationPage pending={pending} confirmation={deleteConfirmation(pending.values.name ?? "this search")} />;
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Saved searches</h1>
          <p className="text-muted mt-1">
            Searches you keep, and how each tells you about new projects: a live notification, a daily e-mail, or nothing.
          </p>
        </div>
        <Link to="/projects" className={buttonClass("secondary")}>
          Search projects
        </Link>
      </div>
      {saved ? <Alert tone="success">Saved “{saved}”. New projects that match it will reach you.</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {items.length === 0 ? (
        <EmptyState
          title="No saved searches yet"
          action={
            <Link to="/projects" className={buttonClass("secondary", "sm")}>
              Find projects
            </Link>
          }
        >
          Search projects, then use “Save this search” to hear about new ones.
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Saved searches">
          {items.map((search) => (
            <li key={search.id}>
              <Card>
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <h2 className="font-semibold break-words">
                      <Link to={search.href} className="hover:underline">
                        {search.name}
                      </Link>
                    </h2>
                    <p className="text-muted text-sm break-words">{filtersText(search.query)}</p>
                    <p className="text-muted text-xs">
                      Saved <LocalTime value={search.createdAt} dateOnly /> · <Badge>{FREQUENCY_LABELS[search.frequency]}</Badge>
                    </p>
                  </div>
                  <Link to={search.href} className={buttonClass("primary", "sm")}>
                    Open<span className="sr-only"> {search.name}</span>
                  </Link>
                </div>
                <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="frequency" />
                    <input type="hidden" name="id" value={search.id} />
                    <SelectField
                      label={<>Alerts for {search.name}</>}
                      options={SAVED_SEARCH_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
                      selectProps={{ id: `frequency-${search.id}`, name: "frequency", defaultValue: search.frequency }}
                    />
                    <Button type="submit" variant="secondary" size="sm">
                      Save alerts<span className="sr-only"> for {search.name}</span>
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={search.id} />
                    <input type="hidden" name="name" value={search.name} />
                    <ConfirmButton
                      variant="danger"
                      size="sm"
                      confirm={deleteConfirmation(search.name)}
                      aria-label={`Delete ${search.name}`}
                    >
                      Delete
                    </ConfirmButton>
                  </Form>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CursorPager nextCursor={nextCursor} label="Saved search pages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
