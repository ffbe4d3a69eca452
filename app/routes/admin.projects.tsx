import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect, PageHeading, ReasonForm, ReplyAlert } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { adminFormAction, domainFrom, requireAdminActor } from "~/utils/admin.server";
import { formatMoneyRange } from "~/utils/money";
import { hideProject, listProjectsForModeration, unhideProject } from "../../worker/domain/trust/moderation";
import { adminReason } from "../../worker/domain/shared/reasons";

export const meta: MetaFunction = () => [{ title: "Project moderation — MegiLance admin" }];

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  visibility: z.enum(["hidden", "shown"]).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});
const intentSchema = z.object({
  intent: z.enum(["hide", "unhide"]),
  projectId: z.string().min(1).max(64),
  reason: adminReason,
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listProjectsForModeration(domainFrom(context), actor, {
    q: q.q || undefined,
    hidden: q.visibility ? q.visibility === "hidden" : undefined,
    cursor: q.cursor,
    limit: 20,
  });
  return { page, filters: { q: q.q ?? "", visibility: q.visibility ?? "" } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  return adminFormAction(await request.formData(), intentSchema, async ({ intent, projectId, reason }) => {
    const ctx = domainFrom(context);
    const project =
      intent === "hide" ? await hideProject(ctx, actor, projectId, { reason }) : await unhideProject(ctx, actor, projectId, { reason });
    return `"${project.title}" is ${project.hidden ? "hidden" : "shown again"}.`;
  });
}

export default function ProjectModeration() {
  const { page, filters } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeading title="Project moderation">
        Hide a project that breaks the rules: it leaves search, and only its owner still sees it, with your reason.
      </PageHeading>
      <Form method="get" role="search" aria-label="Search projects" className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="projects-q" className="block text-sm font-medium">
            Title or id
          </label>
          <input id="projects-q" name="q" type="search" defaultValue={filters.q} className={`${inputClass} mt-1`} />
        </div>
        <FilterSelect
          id="projects-visibility"
          label="Visibility"
          name="visibility"
          value={filters.visibility}
          options={["shown", "hidden"]}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      <div aria-live="polite">
        <ReplyAlert reply={reply} />
      </div>
      {page.items.length === 0 ? (
        <Card>
          <EmptyState title="No projects">Nothing matches this search.</EmptyState>
        </Card>
      ) : (
        <ul className="space-y-4">
          {page.items.map((p) => (
            <li key={p.id}>
              <Card>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-lg font-semibold">
                    <Link to={`/projects/${p.id}`} className="text-brand-600 underline dark:text-brand-100">
                      {p.title}
                    </Link>
                  </h2>
                  {p.hidden ? <Badge tone="danger">hidden</Badge> : <Badge>{p.status}</Badge>}
                </div>
                <p className="text-muted mt-1 text-sm">
                  {p.client?.name ?? p.clientId} · {formatMoneyRange(p.budgetMin, p.budgetMax, p.currency)}
                </p>
                {p.hiddenReason ? <p className="mt-1 text-sm">Hidden because: {p.hiddenReason}</p> : null}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">{p.hidden ? "Show it again" : "Hide this project"}</summary>
                  <div className="mt-2">
                    <ReasonForm
                      intent={p.hidden ? "unhide" : "hide"}
                      id={`reason-${p.id}`}
                      label={p.hidden ? "Why it may be shown" : "Reason shown to the owner"}
                      submit={p.hidden ? "Show the project" : "Hide the project"}
                      variant={p.hidden ? "secondary" : "danger"}
                      hidden={{ projectId: p.id }}
                    />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CursorPager nextCursor={page.nextCursor} label="Project pages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
