import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { adminAnalytics } from "../../worker/domain/analytics/admin";
import { analyticsTables, metricValue } from "../../worker/domain/analytics/tables";
import { DataTable } from "~/components/charts/data-table";
import { LineChart } from "~/components/charts/line-chart";
import { Change, RangeForm } from "~/components/charts/range-form";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { rangeFromUrl } from "~/utils/range.server";

export const meta: MetaFunction = () => [{ title: "Analytics — MegiLance admin" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, "admin");
  const ctx = domainFrom(context);
  const { range, error } = rangeFromUrl(request, ctx.clock.now());
  const analytics = await adminAnalytics(ctx, range);
  return { analytics, tables: analyticsTables(analytics), error };
}

const UNIT_SUFFIX = { count: "", percent: "%", hours: " h" } as const;

export default function AdminAnalytics() {
  const { analytics: a, tables, error } = useLoaderData<typeof loader>();
  const csv = (table: string) => `/api/admin/analytics?from=${a.range.from}&to=${a.range.to}&format=csv&table=${table}`;
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Analytics</h1>
        <p className="text-muted mt-1">
          {a.range.from} to {a.range.to} ({a.range.days} days, UTC), compared with {a.previous.from} to {a.previous.to}.
        </p>
      </div>
      <RangeForm from={a.range.from} to={a.range.to} error={error} />

      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Key figures">
        {a.money.map((m) => (
          <li key={`rev-${m.currency}`} className="border-subtle surface rounded-card border p-4">
            <p className="text-muted text-sm">Revenue (fees), {m.currency}</p>
            <p className="text-2xl font-bold tabular-nums">{formatMoney(m.revenue, m.currency)}</p>
            <Change value={m.revenueChange} />
            <p className="text-muted mt-2 text-sm">Gross volume</p>
            <p className="font-semibold tabular-nums">{formatMoney(m.grossVolume, m.currency)}</p>
            <Change value={m.grossVolumeChange} />
          </li>
        ))}
        {a.metrics.map((m) => {
          const value = metricValue(m, m.current);
          return (
            <li key={m.key} className="border-subtle surface rounded-card border p-4">
              <p className="text-muted text-sm">{m.label}</p>
              <p className="text-2xl font-bold tabular-nums">
                {value === null ? "—" : `${value.toLocaleString("en-US")}${UNIT_SUFFIX[m.unit]}`}
              </p>
              <Change value={m.change} />
            </li>
          );
        })}
        <li className="border-subtle surface rounded-card border p-4">
          <p className="text-muted text-sm">Active users as of {a.activeUsers.asOf}</p>
          <p className="tabular-nums">
            <span className="font-semibold">{a.activeUsers.daily}</span> daily ·{" "}
            <span className="font-semibold">{a.activeUsers.weekly}</span> weekly ·{" "}
            <span className="font-semibold">{a.activeUsers.monthly}</span> monthly
          </p>
        </li>
      </ul>

      <Card title="Trends">
        <div className="grid gap-8 lg:grid-cols-2">
          <LineChart
            title="Users per day"
            days={a.series.days}
            series={[
              { label: "New users", values: a.series.newUsers },
              { label: "Active users", values: a.series.activeUsers },
            ]}
          />
          <LineChart
            title="Projects posted and hires per day"
            days={a.series.days}
            series={[
              { label: "Projects posted", values: a.series.projectsPosted },
              { label: "Hires", values: a.series.hires },
            ]}
          />
          {Object.entries(a.series.grossVolume).map(([currency, values]) => (
            <LineChart
              key={currency}
              title={`Gross volume and revenue per day, ${currency}`}
              days={a.series.days}
              format={(n) => formatMoney(n, currency)}
              series={[
                { label: "Gross volume", values },
                { label: "Revenue (fees)", values: a.series.revenue[currency] ?? values.map(() => 0) },
              ]}
            />
          ))}
        </div>
      </Card>

      <Card title="Tables" description="Every figure on this page, ready to download as CSV. Money is in minor units (cents).">
        <div className="space-y-8">
          {tables.map((t) => (
            <DataTable key={t.id} title={t.title} columns={t.columns} rows={t.rows} csvHref={csv(t.id)} />
          ))}
        </div>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
