import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { InvoiceDocument } from "~/components/invoices/invoice-document";
import { PrintButton } from "~/components/invoices/print-button";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { buttonClass } from "~/components/ui/button";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { getInvoice } from "../../worker/domain/invoices/queries";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.invoice.title} ${loaded.invoice.number} — MegiLance` : "Invoice — MegiLance" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    return { viewer: summarizeViewer(viewer), invoice: await getInvoice(domainFrom(context), viewer.user, params.id ?? "") };
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

/** On paper only the document itself shows: the portal around it is hidden. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  #invoice-document, #invoice-document * { visibility: visible !important; }
  #invoice-document { position: absolute; inset: 0 auto auto 0; width: 100%; border: none; box-shadow: none; background: #fff; color: #000; }
  @page { margin: 16mm; }
}`;

export default function InvoicePage() {
  const { viewer, invoice } = useLoaderData<typeof loader>();
  return (
    <PortalShell title={invoice.title} viewer={viewer}>
      <style>{PRINT_CSS}</style>
      <div className="max-w-3xl space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
          <Link to="/invoices" className="text-sm underline">
            All invoices
          </Link>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/invoices/${invoice.id}/pdf`} download={`${invoice.number}.pdf`} className={buttonClass("secondary", "sm")}>
              Download PDF
            </a>
            <PrintButton />
            {invoice.contractId ? (
              <Link to={`/contracts/${invoice.contractId}`} className={buttonClass("ghost", "sm")}>
                Contract
              </Link>
            ) : null}
          </div>
        </div>
        <InvoiceDocument invoice={invoice} />
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
