import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect, LevelBadge, PageHeading, ReplyAlert, StatusBadge, words } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { adminFormAction, domainFrom, requireAdminActor } from "~/utils/admin.server";
import { FRAUD_ALERT_KINDS, FRAUD_ALERT_STATUSES, RISK_LEVELS } from "../../db/schema/trust-values";
import { alertsSummary, listAlerts } from "../../worker/domain/trust/alerts";
import { sweepOnRequest } from "../../worker/domain/trust/sweep";

export const meta: MetaFunction = () => [{ title: "Fraud alerts — MegiLance admin" }];

const PAGE_SIZE = 25;
const querySchema = z.object({
  status: z.enum(FRAUD_ALERT_STATUSES).optional().catch(undefined),
  severity: z.enum(RISK_LEVELS).optional().catch(undefined),
  kind: z.enum(FRAUD_ALERT_KINDS).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});
const sweepSchema = z.object({ intent: z.literal("sweep"), windowHours: z.coerce.number().int().min(1).max(168) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const ctx = domainFrom(context);
  const [summary, page] = await Promise.all([
    alertsSummary(ctx, actor),
    listAlerts(ctx, actor, {
      status: q.status || undefined,
      level: q.severity || undefined,
      kind: q.kind || undefined,
      cursor: q.cursor,
      limit: PAGE_SIZE,
    }),
  ]);
  return { summary, page, filters: { status: q.status ?? "", severity: q.severity ?? "", kind: q.kind ?? "" } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  return adminFormAction(await request.formData(), sweepSchema, async ({ windowHours }) => {
    const sweep = await sweepOnRequest(domainFrom(context), actor, windowHours);
    return `Scored ${sweep.scored.users} users, ${sweep.scored.projects} projects and ${sweep.scored.payments} payments: ${sweep.created} new alerts, ${sweep.updated} updated, ${sweep.held} payout holds.`;
  });
}

export default function FraudAlerts() {
  const { summary, page, filters } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const sweeping = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeading title="Fraud alerts">Accounts, projects and payments the sweep scored at high risk or above, newest first.</PageHeading>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {RISK_LEVELS.map((level) => (
          <div key={level} className="border-subtle surface rounded-control border p-3">
            <dt className="text-muted text-sm">Open, {level}</dt>
            <dd className="text-2xl font-semibold">{summary.openBySeverity[level]}</dd>
          </div>
        ))}
      </dl>
      <Card title="Run the sweep now" description="The sweep also runs every 15 minutes over the last half hour.">
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="sweep" />
          <div>
            <label htmlFor="sweep-window" className="block text-sm font-medium">
              Activity window
            </label>
            <select
              id="sweep-window"
              name="windowHours"
              defaultValue="24"
              className="border-subtle surface rounded-control mt-1 block border px-3 py-2"
            >
              <option value="1">Last hour</option>
              <option value="24">Last 24 hours</option>
              <option value="168">Last 7 days</option>
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={sweeping}>
            {sweeping ? "Sweeping…" : "Run the sweep"}
          </Button>
        </Form>
        <div className="mt-3" aria-live="polite">
          <ReplyAlert reply={reply} />
        </div>
      </Card>
      <Form method="get" role="search" aria-label="Filter alerts" className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <FilterSelect id="filter-severity" label="Severity" name="severity" value={filters.severity} options={RISK_LEVELS} />
        <FilterSelect id="filter-status" label="Status" name="status" value={filters.status} options={FRAUD_ALERT_STATUSES} />
        <FilterSelect id="filter-kind" label="Kind" name="kind" value={filters.kind} options={FRAUD_ALERT_KINDS} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      <Card>
        <p className="text-muted mb-3 text-sm">{page.total} alerts match.</p>
        {page.items.length === 0 ? (
          <EmptyState title="No alerts">Nothing matches these filters.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Fraud alerts</caption>
              <thead className="text-muted border-subtle border-b">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Severity
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    About
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Top signal
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Raised
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id} className="border-subtle border-b last:border-0">
                    <td className="py-2 pr-3">
                      <LevelBadge level={a.level} score={a.score} />
                    </td>
                    <td className="py-2 pr-3">
                      <Link to={`/admin/fraud/${a.id}`} className="font-medium text-brand-600 underline dark:text-brand-100">
                        {words(a.kind)}: {a.user?.name ?? a.subjectId}
                      </Link>
                      {a.user?.blocked ? <span className="text-muted"> (blocked)</span> : null}
                    </td>
                    <td className="py-2 pr-3">{a.signals[0]?.label ?? "—"}</td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="py-2">
                      <LocalTime value={a.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CursorPager nextCursor={page.nextCursor} label="Alert pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
