import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { PROJECT_STATUSES, type ProjectStatus } from "../../db/schema/values";
import { clientProjectCounts, listClientProjects } from "../../worker/domain/projects/client-projects";
import { PROJECT_STATUS_LABELS } from "../../worker/domain/projects/status";
import { CursorPager } from "~/components/marketplace/pager";
import { ProjectStatusBadge } from "~/components/marketplace/project-status-badge";
import { RouteError } from "~/components/route-error";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LinkTabs } from "~/components/ui/link-tabs";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoneyRange } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "My projects — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const params = new URL(request.url).searchParams;
  const asked = params.get("status") ?? "";
  const status = (PROJECT_STATUSES as readonly string[]).includes(asked) ? (asked as ProjectStatus) : null;
  const ctx = domainFrom(context);
  const [page, counts] = await Promise.all([
    listClientProjects(ctx, viewer.user.id, { status: status ?? undefined, cursor: params.get("cursor")?.slice(0, 500) || undefined }),
    clientProjectCounts(ctx, viewer.user.id),
  ]);
  return { status, counts, ...page };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default function ClientProjects() {
  const { status, counts, items, nextCursor, total } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">My projects</h1>
          <p className="text-muted mt-1">Every project you posted, where it stands, and the proposals waiting for you.</p>
        </div>
        <Link to="/client/projects/new" className={buttonClass()}>
          Post a project
        </Link>
      </div>
      <LinkTabs
        label="Project status"
        tabs={[
          { to: "/client/projects", label: "All", count: counts.all, current: status === null },
          ...PROJECT_STATUSES.map((s) => ({
            to: `/client/projects?status=${s}`,
            label: PROJECT_STATUS_LABELS[s],
            count: counts[s],
            current: status === s,
          })),
        ]}
      />
      <Card>
        <p role="status" className="text-muted text-sm">
          {plural(total, "project")}
        </p>
        {items.length === 0 ? (
          <div className="mt-4">
            <EmptyState
              title="No projects here"
              action={
                <Link to="/client/projects/new" className={buttonClass("secondary", "sm")}>
                  Post a project
                </Link>
              }
            >
              Projects you post appear here with their proposals and contracts.
            </EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="My projects">
            {items.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <h2 className="min-w-0 break-words font-semibold">
                      <Link to={`/projects/${p.id}`} className="hover:underline">
                        {p.title}
                      </Link>
                    </h2>
                    <ProjectStatusBadge status={p.status} />
                  </div>
                  <p className="text-muted text-sm">
                    {formatMoneyRange(p.budgetMin, p.budgetMax, p.currency)}
                    {p.budgetType === "hourly" ? " per hour" : ""} · posted <LocalTime value={p.createdAt} />
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm sm:justify-end">
                  <Link to={`/projects/${p.id}#proposals`} className="underline">
                    {plural(p.proposalCounts.total, "proposal")}
                    {p.proposalCounts.new ? `, ${p.proposalCounts.new} new` : ""}
                    <span className="sr-only"> for {p.title}</span>
                  </Link>
                  {p.activeContracts ? (
                    <Link to="/client/contracts?tab=active" className="underline">
                      {plural(p.activeContracts, "active contract")}
                    </Link>
                  ) : null}
                  <Link to={`/client/projects/${p.id}/edit`} className="underline">
                    Edit<span className="sr-only"> {p.title}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="Project pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
