import { Link } from "@remix-run/react";
import type { InvoiceParty } from "../../../db/schema";
import { chargedSentence } from "../../../worker/domain/currency/charged";
import { formatDateTime } from "../../../worker/domain/time/format";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import { useTimeZone } from "~/utils/time-zone";

export interface InvoiceDocumentData {
  kind: string;
  number: string;
  title: string;
  issuedAt: string;
  issuer: InvoiceParty;
  recipient: InvoiceParty;
  lines: { description: string; quantity: number; unitAmount: number; amount: number }[];
  rows: { description: string; quantity: number; unitAmount: number; net: number; tax: number; gross: number }[];
  tax: { treatment: string; kind: string; jurisdiction: string | null; feeTaxAmount: number; feeTaxRateBps: number; note: string | null };
  currency: string;
  subtotal: number;
  feeRateBps: number;
  feeAmount: number;
  taxRateBps: number;
  taxAmount: number;
  total: number;
  charged: { amount: number; currency: string; rate: string; rateFetchedAt: string } | null;
  credits: { id: string; number: string } | null;
}

const percent = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;

function Party({ heading, party }: { heading: string; party: InvoiceParty }) {
  return (
    <div>
      <h2 className="text-muted text-xs font-semibold uppercase tracking-wide">{heading}</h2>
      <address className="mt-1 text-sm not-italic">
        <span className="font-semibold">{party.name}</span>
        {[party.company, party.email, party.address, party.country, party.taxId ? `Tax ID: ${party.taxId}` : null]
          .filter(Boolean)
          .map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
      </address>
    </div>
  );
}

/** The invoice as a clean document: the same content as its PDF. */
export function InvoiceDocument({ invoice: i }: { invoice: InvoiceDocumentData }) {
  const money = (n: number) => formatMoney(n, i.currency);
  const zone = useTimeZone();
  return (
    <article id="invoice-document" className="border-subtle surface rounded-card border p-5 sm:p-8" aria-labelledby="invoice-heading">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="invoice-heading" className="text-2xl font-bold tracking-tight">
            {i.title}
          </h1>
          <p className="text-muted text-sm">MegiLance</p>
        </div>
        <dl className="text-right text-sm">
          <dt className="sr-only">Number</dt>
          <dd className="font-mono font-semibold">{i.number}</dd>
          <dt className="sr-only">Issued</dt>
          <dd className="text-muted">
            Issued <LocalTime value={i.issuedAt} />
          </dd>
        </dl>
      </header>
      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <Party heading="From" party={i.issuer} />
        <Party heading="To" party={i.recipient} />
      </div>
      <div className="mt-8 overflow-x-auto" tabIndex={0} role="region" aria-label={`Lines of ${i.number}`}>
        <table className="w-full text-sm">
          <caption className="sr-only">Lines of {i.number}</caption>
          <thead>
            <tr className="border-subtle border-b text-left">
              <th scope="col" className="py-2 pr-3">
                Description
              </th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
                Qty
              </th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
                Unit
              </th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
                Net
              </th>
              <th scope="col" className="whitespace-nowrap py-2 pr-3 text-right">
                Tax
              </th>
              <th scope="col" className="whitespace-nowrap py-2 text-right">
                Gross
              </th>
            </tr>
          </thead>
          <tbody>
            {i.rows.map((row, n) => (
              <tr key={n} className="border-subtle border-b align-top">
                <td className="py-2 pr-3">{row.description}</td>
                {/* Figures keep to one line; the description wraps instead. */}
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{row.quantity}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{money(row.unitAmount)}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{money(row.net)}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{money(row.tax)}</td>
                <td className="whitespace-nowrap py-2 text-right tabular-nums">{money(row.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto mt-4 grid max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{money(i.subtotal)}</dd>
        {i.feeAmount ? (
          <>
            <dt>Platform fee ({percent(i.feeRateBps)})</dt>
            <dd className="text-right tabular-nums">{money(-i.feeAmount)}</dd>
          </>
        ) : null}
        {i.tax.feeTaxAmount ? (
          <>
            <dt>
              {i.tax.kind.toUpperCase()} in the fee ({percent(i.tax.feeTaxRateBps)}, {i.tax.jurisdiction})
            </dt>
            <dd className="text-right tabular-nums">{money(i.tax.feeTaxAmount)}</dd>
          </>
        ) : null}
        <dt>Tax ({percent(i.taxRateBps)})</dt>
        <dd className="text-right tabular-nums">{money(i.taxAmount)}</dd>
        <dt className="border-subtle border-t pt-1 font-semibold">Total</dt>
        <dd className="border-subtle border-t pt-1 text-right font-semibold tabular-nums">{money(i.total)}</dd>
      </dl>
      {i.tax.note ? (
        <p className="border-subtle mt-4 rounded-control border p-3 text-sm font-semibold" data-testid="tax-note">
          {i.tax.note}
        </p>
      ) : null}
      {i.credits ? (
        <p className="mt-4 text-sm">
          Credits invoice{" "}
          <Link to={`/invoices/${i.credits.id}`} className="font-mono underline">
            {i.credits.number}
          </Link>
          .
        </p>
      ) : null}
      {i.charged ? (
        <p className="border-subtle mt-4 rounded-control border p-3 text-sm">
          {chargedSentence(
            i.kind === "credit_note" ? "refunded" : "charged",
            i.charged,
            i.currency,
            formatDateTime(i.charged.rateFetchedAt, zone),
          )}{" "}
          This {i.kind === "credit_note" ? "credit note" : "invoice"} is kept in {i.currency}, the contract’s currency.
        </p>
      ) : null}
      <p className="text-muted mt-8 text-xs">
        {i.title} {i.number}, issued through MegiLance. Issued documents are never changed.
      </p>
    </article>
  );
}
