import { toCsv } from "../analytics/csv";
import { majorText } from "../currency/format";
import type { StatementLine } from "./statement";
import { STATEMENT_KIND_LABELS } from "./statement-labels";

/** The statement as a spreadsheet: one row per document, amounts in major units, times in UTC (ISO 8601). */
export function statementCsv(lines: StatementLine[], appOrigin: string): string {
  return toCsv([
    ["Issued (UTC)", "Kind", "Document", "Description", "Amount", "Currency", "Charged amount", "Charged currency", "Link"],
    ...lines.map((l) => [
      l.issuedAt,
      STATEMENT_KIND_LABELS[l.kind],
      `${l.documentTitle} ${l.documentNumber}`,
      l.description,
      majorText(l.amount, l.currency),
      l.currency,
      l.chargedAmount !== undefined && l.chargedCurrency ? majorText(l.chargedAmount, l.chargedCurrency) : null,
      l.chargedCurrency ?? null,
      `${appOrigin}/invoices/${l.documentId}`,
    ]),
  ]);
}
