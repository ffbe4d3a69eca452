import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DISPUTE_STATUS } from "~/components/disputes/dispute-details";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { DISPUTE_STATUSES, type DisputeStatus } from "../../db/schema/values";
import { adminDisputeQueue } from "../../worker/domain/disputes/queries";

export const meta: MetaFunction = () => [{ title: "Disputes — Admin console — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "admin");
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "";
  const status = (DISPUTE_STATUSES as readonly string[]).includes(raw) ? (raw as DisputeStatus) : undefined;
  const page = await adminDisputeQueue(domainFrom(context), { status, limit: 25, cursor: url.searchParams.get("cursor") ?? undefined });
  return { ...page, status: status ?? "" };
}

export default function AdminDisputes() {
  const { items, nextCursor, status } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Disputes</h1>
        <p className="text-muted mt-1">Held funds stay frozen until a dispute is decided here, or by default when nobody answers.</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={status} className={inputClass}>
            <option value="">All</option>
            {DISPUTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DISPUTE_STATUS[s].label}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>
      {items.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Disputes, newest first</caption>
            <thead>
              <tr className="border-subtle border-b">
                <th scope="col" className="py-2 pr-3">
                  Milestone
                </th>
                <th scope="col" className="py-2 pr-3">
                  Amount
                </th>
                <th scope="col" className="py-2 pr-3">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3">
                  Next deadline
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} className="border-subtle border-b">
                  <td className="py-2 pr-3">
                    <Link to={`/admin/disputes/${d.id}`} className="font-medium underline">
                      {d.milestoneTitle}
                    </Link>
                    <span className="text-muted block text-xs">
                      {d.projectTitle} · opened by the {d.openerRole}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{formatMoney(d.amount, d.currency)}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={DISPUTE_STATUS[d.status].tone}>{DISPUTE_STATUS[d.status].label}</Badge>
                  </td>
                  <td className="py-2 pr-3">
                    {d.status === "open" ? (
                      <LocalTime value={d.responseDueAt} />
                    ) : d.status === "answered" && d.decisionDueAt ? (
                      <LocalTime value={d.decisionDueAt} />
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No disputes here">Nothing matches this filter.</EmptyState>
      )}
      <CursorPager nextCursor={nextCursor} label="More disputes" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
