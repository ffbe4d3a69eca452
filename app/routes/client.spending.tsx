import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { clientSpendByProject } from "../../worker/domain/analytics/personal";
import { RangeForm } from "~/components/charts/range-form";
import { RouteError } from "~/components/route-error";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { rangeFromUrl } from "~/utils/range.server";

export const meta: MetaFunction = () => [{ title: "Spending — MegiLance" }];

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const { range, error } = rangeFromUrl(request, ctx.clock.now());
  const offset = Math.max(0, Math.min(100_000, Number(new URL(request.url).searchParams.get("offset")) || 0));
  return { spend: await clientSpendByProject(ctx, viewer.user.id, range, { offset, limit: PAGE_SIZE }), offset, error };
}

export default function ClientSpending() {
  const { spend, offset, error } = useLoaderData<typeof loader>();
  const location = useLocation();
  const pageLink = (to: number) => {
    const params = new URLSearchParams(location.search);
    params.set("offset", String(to));
    return `${location.pathname}?${params}`;
  };
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Spending by project</h1>
        <p className="text-muted mt-1">
          What you paid for each project from {spend.range.from} to {spend.range.to}, minus refunds.
        </p>
      </div>
      <RangeForm from={spend.range.from} to={spend.range.to} error={error} />
      {spend.totals.length ? (
        <ul className="grid gap-4 sm:grid-cols-3" aria-label="Totals">
          {spend.totals.map((t) => (
            <li key={t.currency} className="border-subtle surface rounded-card border p-4">
              <p className="text-muted text-sm">Net spend, {t.currency}</p>
              <p className="text-2xl font-bold tabular-nums">{formatMoney(t.net, t.currency)}</p>
              <p className="text-muted text-sm">
                {formatMoney(t.paid, t.currency)} paid · {formatMoney(t.refunded, t.currency)} refunded
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <Card>
        {spend.projects.length === 0 ? (
          <EmptyState title="No spending in this period">Payments for your projects' milestones appear here.</EmptyState>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Spending by project">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Spending by project</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Project
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Paid
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Refunded
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Net
                  </th>
                </tr>
              </thead>
              <tbody>
                {spend.projects.map((p) => (
                  <tr key={`${p.projectId}-${p.currency}`} className="border-t border-[var(--border)]">
                    <td className="py-2 pr-3">
                      <Link to={`/projects/${p.projectId}`} className="underline">
                        {p.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(p.paid, p.currency)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(p.refunded, p.currency)}</td>
                    <td className="py-2 text-right font-semibold tabular-nums">{formatMoney(p.net, p.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {offset > 0 || spend.nextOffset !== null ? (
          <nav aria-label="More projects" className="mt-4 flex justify-between">
            {offset > 0 ? (
              <Link to={pageLink(Math.max(0, offset - PAGE_SIZE))} className={buttonClass("secondary", "sm")}>
                Previous page
              </Link>
            ) : (
              <span />
            )}
            {spend.nextOffset !== null ? (
              <Link to={pageLink(spend.nextOffset)} className={buttonClass("secondary", "sm")}>
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
