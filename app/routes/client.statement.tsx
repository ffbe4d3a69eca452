import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { RangeForm } from "~/components/charts/range-form";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { StatementTable, StatementTotals } from "~/components/statements/statement-table";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { rangeFromUrl } from "~/utils/range.server";
import { statementLines, statementTotals } from "../../worker/domain/statements/statement";

export const meta: MetaFunction = () => [{ title: "Statement — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "client");
  const ctx = domainFrom(context);
  const { range, error } = rangeFromUrl(request, ctx.clock.now());
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 64) || undefined;
  const [page, totals] = await Promise.all([
    statementLines(ctx, viewer.user.id, { range, limit: 25, cursor }),
    statementTotals(ctx, viewer.user.id, range),
  ]);
  return { range, error, page, totals };
}

export default function ClientStatement() {
  const { range, error, page, totals } = useLoaderData<typeof loader>();
  const csv = `/client/statement.csv?${new URLSearchParams({ from: range.from, to: range.to })}`;
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Statement</h1>
        <p className="text-muted mt-1">
          Every charge, refund and fee from {range.from} to {range.to} (UTC days), each with its document. Amounts are in the contract’s
          currency; where you paid in another currency, what you paid in it is shown beside.
        </p>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangeForm from={range.from} to={range.to} error={error} />
        <a href={csv} download className={buttonClass("secondary", "sm")}>
          Download CSV
        </a>
      </div>
      <StatementTotals totals={totals} />
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title="Nothing in this period">
            Charges appear when you fund a milestone or approve hours; refunds with their credit notes.{" "}
            <Link to="/client/spending" className="underline">
              See spending by project
            </Link>
          </EmptyState>
        ) : (
          <StatementTable items={page.items} />
        )}
        <CursorPager nextCursor={page.nextCursor} label="More statement lines" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
