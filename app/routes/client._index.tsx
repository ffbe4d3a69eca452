import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { clientDashboard } from "../../worker/domain/projects/dashboard";
import { PROPOSAL_STATUS_LABELS } from "~/components/marketplace/labels";
import { ProjectStatusBadge } from "~/components/marketplace/project-status-badge";
import { RouteError } from "~/components/route-error";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { requestGreeting } from "~/utils/session.server";
import { domainFrom } from "~/utils/domain.server";
import { UpcomingMeetings } from "~/components/meetings/upcoming-meetings";
import { formatCount } from "~/utils/count";
import { formatMoneyRange } from "~/utils/money";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const [dashboard, greeting] = await Promise.all([clientDashboard(ctx, viewer.user), requestGreeting(request, context)]);
  return { name: viewer.user.name, greeting, dashboard };
}

function Stat({ label, value, capped }: { label: string; value: number; capped: boolean }) {
  return (
    <div className="border-subtle surface rounded-card border p-4">
      <dt className="text-muted text-sm">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">{formatCount(value, capped)}</dd>
    </div>
  );
}

export default function ClientHome() {
  const { name, greeting, dashboard } = useLoaderData<typeof loader>();
  const { stats, cappedStats, projects, recentActivity } = dashboard;
  const capped = (key: keyof typeof stats) => cappedStats.includes(key);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Client portal</h1>
          <p className="text-muted mt-1">
            {greeting}, {name}.
          </p>
        </div>
        <Link to="/client/projects/new" className={buttonClass()}>
          Post a project
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Open projects" value={stats.openProjects} capped={capped("openProjects")} />
        <Stat label="Closed projects" value={stats.closedProjects} capped={capped("closedProjects")} />
        <Stat label="Proposals received" value={stats.proposalsReceived} capped={capped("proposalsReceived")} />
        <Stat label="Awaiting your decision" value={stats.awaitingDecision} capped={capped("awaitingDecision")} />
        <Stat label="Hires" value={stats.hires} capped={capped("hires")} />
      </dl>
      <UpcomingMeetings />
      <Card
        title="Your projects"
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to="/client/projects" className={buttonClass("secondary", "sm")}>
              All projects
            </Link>
            <Link to="/client/contracts" className={buttonClass("secondary", "sm")}>
              Contracts
            </Link>
          </div>
        }
      >
        {projects.length === 0 ? (
          <EmptyState
            title="No projects yet"
            action={
              <Link to="/client/projects/new" className={buttonClass("secondary", "sm")}>
                Post your first project
              </Link>
            }
          >
            Projects you post will appear here, with their proposals and contracts.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="Your projects">
            {projects.map((p) => (
              <li key={p.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link to={`/projects/${p.id}`} className="font-semibold hover:underline">
                    {p.title}
                  </Link>
                  <p className="text-muted text-sm">
                    {formatMoneyRange(p.budgetMin, p.budgetMax, p.currency)} · posted <LocalTime value={p.createdAt} />
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <ProjectStatusBadge status={p.status} />
                  <span>
                    {formatCount(p.proposalCounts.total, p.proposalCounts.capped)} proposal
                    {p.proposalCounts.total === 1 && !p.proposalCounts.capped ? "" : "s"}
                    {p.proposalCounts.pending ? `, ${p.proposalCounts.pending} new` : ""}
                  </span>
                  <Link to={`/client/projects/${p.id}/edit`} className="underline">
                    Edit<span className="sr-only"> {p.title}</span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent activity">
        {recentActivity.length === 0 ? (
          <EmptyState title="Nothing yet">New proposals on your projects will show up here.</EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="Recent activity">
            {recentActivity.map((a) => (
              <li key={a.proposalId} className="py-2.5 text-sm">
                <span className="font-medium">{a.freelancer.name}</span> sent a proposal for{" "}
                <Link to={`/projects/${a.project.id}`} className="underline">
                  {a.project.title}
                </Link>{" "}
                · {PROPOSAL_STATUS_LABELS[a.status as keyof typeof PROPOSAL_STATUS_LABELS] ?? a.status} ·{" "}
                <span className="text-muted">
                  <LocalTime value={a.at} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
