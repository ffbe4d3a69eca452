import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { clientSpendByProject } from "../../worker/domain/analytics/personal";
import { chargedByProject } from "../../worker/domain/statements/charged-by-project";
import { statementTotals } from "../../worker/domain/statements/statement";
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
  const spend = await clientSpendByProject(ctx, viewer.user.id, range, { offset, limit: PAGE_SIZE });
  const [charged, totals] = await Promise.all([
    chargedByProject(
      ctx,
      viewer.user.id,
      range,
      spend.projects.map((p) => p.projectId),
    ),
    statementTotals(ctx, viewer.user.id, range, ["charge", "refund"]),
  ]);
  return { spend, offset, error, charged, chargedTotals: totals };
}

export default function ClientSpending() {
  const { spend, offset, error, charged, chargedTotals } = useLoaderData<typeof loader>();
  const chargedFor = (projectId: string, currency: string) => charged.filter((c) => c.projectId === projectId && c.currency === currency);
  const chargedTotal = (kind: "charge" | "refund", currency: string) =>
    chargedTotals.find((t) => t.kind === kind && t.currency === currency)?.charged ?? [];
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
          What you paid for each project from {spend.range.from} to {spend.range.to}, minus refunds, in each contract’s currency; where you
          paid in another currency, what you paid in it is shown beside. Every charge and refund with its document is on your{" "}
          <Link to={`/client/statement?from=${spend.range.from}&to=${spend.range.to}`} className="underline">
            statement
          </Link>
          .
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
              {chargedTotal("charge", t.currency).map((c) => (
                <p key={c.currency} className="text-muted text-sm">
                  Paid in {c.currency}: {formatMoney(c.amount, c.currency)}
                  {chargedTotal("refund", t.currency)
                    .filter((r) => r.currency === c.currency)
                    .map((r) => ` · ${formatMoney(r.amount, r.currency)} given back`)}
                </p>
              ))}
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
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatMoney(p.paid, p.currency)}
                      {chargedFor(p.projectId, p.currency).map((c) => (
                        <span key={c.chargedCurrency} className="text-muted block text-xs">
                          {formatMoney(c.charged, c.chargedCurrency)} charged
                        </span>
                      ))}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatMoney(p.refunded, p.currency)}
                      {chargedFor(p.projectId, p.currency)
                        .filter((c) => c.refunded > 0)
                        .map((c) => (
                          <span key={c.chargedCurrency} className="text-muted block text-xs">
                            {formatMoney(c.refunded, c.chargedCurrency)} given back
                          </span>
                        ))}
                    </td>
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
