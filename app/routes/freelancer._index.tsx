import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { bidAmountText } from "../../worker/domain/proposals/bid-text";
import { Link, useLoaderData } from "@remix-run/react";
import { listContracts } from "../../worker/domain/contracts/list";
import { freelancerDashboard } from "../../worker/domain/proposals/dashboard";
import { recommendedProjects } from "../../worker/domain/matching/matches";
import { jobSuccessFor } from "../../worker/domain/reviews/job-success";
import { JobSuccessFigure } from "~/components/reviews/job-success";
import { RecommendedProjects } from "~/components/matching/recommended-projects";
import { PROPOSAL_STATUS_LABELS } from "~/components/marketplace/labels";
import { OffersWaiting } from "~/components/contracts/offers-waiting";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { requestGreeting } from "~/utils/session.server";
import { domainFrom } from "~/utils/domain.server";
import { UpcomingMeetings } from "~/components/meetings/upcoming-meetings";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const ctx = domainFrom(context);
  const [dashboard, recommended, greeting, offers] = await Promise.all([
    freelancerDashboard(ctx, viewer.user),
    recommendedProjects(ctx, viewer.user),
    requestGreeting(request, context),
    listContracts(ctx, viewer.user.id, { role: "freelancer", status: "offered", limit: 5 }),
  ]);
  return {
    name: viewer.user.name,
    greeting,
    dashboard,
    recommended: recommended.items,
    offers,
    jobSuccess: await jobSuccessFor(ctx, viewer.user.id),
  };
}

export default function FreelancerHome() {
  const { name, greeting, dashboard, recommended, offers, jobSuccess } = useLoaderData<typeof loader>();
  const { stats, hasProfile, proposals } = dashboard;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Freelancer portal</h1>
          <p className="text-muted mt-1">
            {greeting}, {name}.
          </p>
        </div>
        <Link to="/projects" className={buttonClass()}>
          Find work
        </Link>
      </div>
      {hasProfile ? null : (
        <Alert title="Set up your profile">
          Clients find you by your skills and rate.{" "}
          <Link to="/freelancer/profile" className="font-medium underline">
            Write your profile
          </Link>
          .
        </Alert>
      )}
      {offers.total > 0 ? <OffersWaiting offers={offers.items} total={offers.total} /> : null}
      <UpcomingMeetings />
      <Card title="Job success">
        <JobSuccessFigure value={jobSuccess} />
      </Card>
      <Card
        title="My proposals"
        actions={
          <Link to="/freelancer/proposals" className={buttonClass("secondary", "sm")}>
            All my proposals
          </Link>
        }
        description={`${stats.total} sent · ${stats.pending} pending · ${stats.shortlisted} shortlisted · ${stats.accepted} accepted · ${stats.declined} declined`}
      >
        {proposals.length === 0 ? (
          <EmptyState title="No proposals yet">Proposals you send will appear here with their status.</EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="My proposals">
            {proposals.map((p) => (
              <li key={p.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link to={`/freelancer/proposals/${p.id}`} className="font-semibold hover:underline">
                    {p.project?.title ?? "Project"}
                  </Link>
                  <p className="text-muted text-sm">
                    Bid {bidAmountText(p, p.project?.budgetType)} · sent <LocalTime value={p.createdAt} />
                    {p.declineReason ? ` · ${p.declineReason}` : ""}
                  </p>
                </div>
                <Badge tone={p.status === "accepted" ? "success" : p.status === "declined" ? "danger" : "neutral"}>
                  {PROPOSAL_STATUS_LABELS[p.status]}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <RecommendedProjects items={recommended} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
