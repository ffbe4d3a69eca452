import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { CursorPager } from "~/components/marketplace/pager";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { listInvoices } from "../../worker/domain/invoices/queries";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Invoices — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const search = new URL(request.url).searchParams;
  const page = await listInvoices(domainFrom(context), viewer.user.id, {
    limit: 20,
    cursor: search.get("cursor")?.slice(0, 64) || undefined,
    contractId: search.get("contractId")?.slice(0, 64) || undefined,
  });
  return { viewer: summarizeViewer(viewer), me: viewer.user.id, page, contractId: search.get("contractId") };
}

const KIND_TONE = { charge: "brand", payout: "success", fee: "neutral", credit_note: "warning" } as const;

export default function InvoicesPage() {
  const { viewer, page, contractId } = useLoaderData<typeof loader>();
  return (
    <PortalShell title="Invoices" viewer={viewer}>
      <div className="max-w-4xl space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Invoices and receipts</h1>
          <p className="text-muted mt-1 text-sm">
            Every charge, release fee and payout has a numbered document you can print or download as a PDF.
            {contractId ? (
              <>
                {" "}
                Showing one contract ·{" "}
                <Link to="/invoices" className="underline">
                  show all
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <Card>
          {page.items.length ? (
            <ul className="divide-subtle divide-y">
              {page.items.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <Link to={`/invoices/${i.id}`} className="font-mono font-semibold underline">
                      {i.number}
                    </Link>{" "}
                    <Badge tone={KIND_TONE[i.kind]}>{i.title}</Badge>
                    <p className="text-muted truncate text-sm">
                      {i.issuer.name} → {i.recipient.name} · {i.issuedAt.slice(0, 10)}
                    </p>
                  </div>
                  <span className="font-semibold tabular-nums">{formatMoney(i.total, i.currency)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted text-sm">No invoices yet. They appear when money is charged, released or paid out.</p>
          )}
          <CursorPager nextCursor={page.nextCursor} label="More invoices" />
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
