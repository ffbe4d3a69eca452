import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { freelancerAnalytics } from "../../worker/domain/analytics/personal";
import { DataTable } from "~/components/charts/data-table";
import { LineChart } from "~/components/charts/line-chart";
import { Change, RangeForm } from "~/components/charts/range-form";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { rangeFromUrl } from "~/utils/range.server";

export const meta: MetaFunction = () => [{ title: "Your analytics — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const ctx = domainFrom(context);
  const { range, error } = rangeFromUrl(request, ctx.clock.now());
  return { analytics: await freelancerAnalytics(ctx, viewer.user.id, range), error };
}

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 1000) / 10}%`);

export default function FreelancerAnalytics() {
  const { analytics: a, error } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your analytics</h1>
        <p className="text-muted mt-1">
          {a.range.from} to {a.range.to}, compared with {a.previous.from} to {a.previous.to}. Earnings are what was released to you after
          the platform fee.
        </p>
      </div>
      <RangeForm from={a.range.from} to={a.range.to} error={error} />
      <ul className="grid gap-4 sm:grid-cols-3" aria-label="Key figures">
        {a.earnings.length === 0 ? (
          <li className="border-subtle surface rounded-card border p-4">
            <p className="text-muted text-sm">Earnings</p>
            <p className="text-2xl font-bold">Nothing yet</p>
          </li>
        ) : (
          a.earnings.map((e) => (
            <li key={e.currency} className="border-subtle surface rounded-card border p-4">
              <p className="text-muted text-sm">Earnings, {e.currency}</p>
              <p className="text-2xl font-bold tabular-nums">{formatMoney(e.amount, e.currency)}</p>
              <Change value={e.change} />
            </li>
          ))
        )}
        <li className="border-subtle surface rounded-card border p-4">
          <p className="text-muted text-sm">Profile views</p>
          <p className="text-2xl font-bold tabular-nums">{a.profileViews.current.toLocaleString("en-US")}</p>
          <Change value={a.profileViews.change} />
        </li>
        <li className="border-subtle surface rounded-card border p-4">
          <p className="text-muted text-sm">Proposal success rate</p>
          <p className="text-2xl font-bold tabular-nums">{percent(a.proposals.successRate)}</p>
          <p className="text-muted text-sm">
            {a.proposals.accepted} accepted of {a.proposals.sent} sent · before: {percent(a.proposals.previousSuccessRate)}
          </p>
        </li>
      </ul>
      <Card title="Trends">
        <div className="grid gap-8 lg:grid-cols-2">
          <LineChart
            title="Profile views per day"
            days={a.series.days}
            series={[{ label: "Profile views", values: a.series.profileViews }]}
          />
          {Object.entries(a.series.earnings).map(([currency, values]) => (
            <LineChart
              key={currency}
              title={`Earnings per day, ${currency}`}
              days={a.series.days}
              format={(n) => formatMoney(n, currency)}
              series={[{ label: "Earnings", values }]}
            />
          ))}
        </div>
      </Card>
      <Card title="Day by day">
        <DataTable
          title="Profile views and earnings per day"
          columns={["day", "profile views", ...Object.keys(a.series.earnings).map((c) => `earnings ${c}`)]}
          rows={a.series.days.map((day, i) => [
            day,
            a.series.profileViews[i],
            ...Object.entries(a.series.earnings).map(([, values]) => values[i]),
          ])}
          format={(cell, column) => {
            if (cell === null) return "—";
            if (column >= 2 && typeof cell === "number") return formatMoney(cell, Object.keys(a.series.earnings)[column - 2]);
            return String(cell);
          }}
        />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
