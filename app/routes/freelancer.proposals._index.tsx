import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { bidText } from "../../worker/domain/proposals/bid-text";
import { listMyProposals, MY_PROPOSAL_STAGES, myProposalCounts, type MyProposalStage } from "../../worker/domain/proposals/mine";
import { CursorPager } from "~/components/marketplace/pager";
import { stageLabel, STAGE_TABS } from "~/components/proposals/labels";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LinkTabs } from "~/components/ui/link-tabs";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "My proposals — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const params = new URL(request.url).searchParams;
  const asked = params.get("status") ?? "";
  const stage = (MY_PROPOSAL_STAGES as readonly string[]).includes(asked) ? (asked as MyProposalStage) : null;
  const ctx = domainFrom(context);
  const [page, counts] = await Promise.all([
    listMyProposals(ctx, viewer.user, { status: stage ?? undefined, cursor: params.get("cursor")?.slice(0, 500) || undefined }),
    myProposalCounts(ctx, viewer.user),
  ]);
  return { stage, counts, ...page };
}

export default function MyProposals() {
  const { stage, counts, items, nextCursor, total } = useLoaderData<typeof loader>();
  const current = stage ?? "all";
  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">My proposals</h1>
          <p className="text-muted mt-1">Every proposal you sent, where it stands, and the offer or contract it led to.</p>
        </div>
        <Link to="/projects" className={buttonClass("secondary")}>
          Find work
        </Link>
      </div>
      <LinkTabs
        label="Proposal status"
        tabs={STAGE_TABS.map((t) => ({
          to: t.stage === "all" ? "/freelancer/proposals" : `/freelancer/proposals?status=${t.stage}`,
          label: t.label,
          count: counts[t.stage],
          current: t.stage === current,
        }))}
      />
      <Card>
        <p role="status" className="text-muted text-sm">
          {total === 1 ? "1 proposal" : `${total} proposals`}
        </p>
        {items.length === 0 ? (
          <div className="mt-4">
            <EmptyState
              title="No proposals here"
              action={
                <Link to="/projects" className={buttonClass("secondary", "sm")}>
                  Find open projects
                </Link>
              }
            >
              Proposals you send to projects show up here with their status.
            </EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="My proposals">
            {items.map((p) => {
              const badge = stageLabel(p.stage, p.contract?.status ?? null);
              return (
                <li key={p.id} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <h2 className="break-words font-semibold">
                      <Link to={`/freelancer/proposals/${p.id}`} className="hover:underline">
                        {p.project?.title ?? "Project"}
                      </Link>
                    </h2>
                    <p className="text-muted text-sm">
                      Bid {bidText(p, p.project?.budgetType)} · sent <LocalTime value={p.createdAt} />
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={badge.tone}>{badge.label}</Badge>
                    {p.contract ? (
                      <Link
                        to={`/contracts/${p.contract.id}`}
                        className={buttonClass(p.contract.status === "offered" ? "primary" : "secondary", "sm")}
                      >
                        {p.contract.status === "offered" ? "Open the offer" : "Open the contract"}
                        <span className="sr-only"> for {p.project?.title}</span>
                      </Link>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="Proposal pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
