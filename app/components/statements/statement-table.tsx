import { Link } from "@remix-run/react";
import type { StatementLine, StatementTotal } from "../../../worker/domain/statements/statement";
import { STATEMENT_KIND_LABELS } from "../../../worker/domain/statements/statement-labels";
import { Badge, type Tone } from "../ui/badge";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";

const KIND_TONE: Record<StatementLine["kind"], Tone> = { charge: "brand", refund: "warning", fee: "neutral", payout: "success" };

/** "€200.00 (£176.74 charged)": the contract amount with the paying currency's beside it. */
function Amount({ line }: { line: Pick<StatementLine, "amount" | "currency" | "chargedAmount" | "chargedCurrency" | "kind"> }) {
  return (
    <>
      {formatMoney(line.amount, line.currency)}
      {line.chargedAmount !== undefined && line.chargedCurrency ? (
        <span className="text-muted block text-xs">
          {formatMoney(line.chargedAmount, line.chargedCurrency)} {line.kind === "refund" ? "given back" : "charged"}
        </span>
      ) : null}
    </>
  );
}

export function StatementTable({ items }: { items: StatementLine[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Statement lines">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Statement lines, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="py-2 pr-3">
              Date
            </th>
            <th scope="col" className="whitespace-nowrap py-2 pr-3">
              Kind
            </th>
            <th scope="col" className="py-2 pr-3">
              Document
            </th>
            <th scope="col" className="py-2 pr-3">
              Description
            </th>
            <th scope="col" className="whitespace-nowrap py-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.documentId} className="border-t border-[var(--border)] align-top">
              <td className="py-2 pr-3 whitespace-nowrap">
                <LocalTime value={l.issuedAt} dateOnly />
              </td>
              <td className="whitespace-nowrap py-2 pr-3">
                <Badge tone={KIND_TONE[l.kind]}>{STATEMENT_KIND_LABELS[l.kind]}</Badge>
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <Link to={`/invoices/${l.documentId}`} className="underline">
                  {l.documentTitle} <span className="font-mono">{l.documentNumber}</span>
                </Link>
              </td>
              <td className="min-w-48 py-2 pr-3 break-words">{l.description}</td>
              {/* Figures keep to one line; the description wraps instead. */}
              <td className="whitespace-nowrap py-2 text-right tabular-nums">
                <Amount line={l} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Sums per kind and currency for the whole range. */
export function StatementTotals({ totals }: { totals: StatementTotal[] }) {
  if (totals.length === 0) return null;
  return (
    <ul className="grid gap-4 sm:grid-cols-3" aria-label="Totals">
      {totals.map((t) => (
        <li key={`${t.kind}-${t.currency}`} className="border-subtle surface rounded-card border p-4">
          <p className="text-muted text-sm">
            {STATEMENT_KIND_LABELS[t.kind]}s, {t.currency}
          </p>
          <p className="text-2xl font-bold tabular-nums">{formatMoney(t.amount, t.currency)}</p>
          {t.charged.map((c) => (
            <p key={c.currency} className="text-muted text-sm">
              {t.kind === "refund" ? "Given back" : "Paid"} in {c.currency}: {formatMoney(c.amount, c.currency)}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
