import type { Cell } from "../../../worker/domain/analytics/tables";

/** A captioned, horizontally scrollable table with its CSV download beside the caption. */
export function DataTable({
  title,
  columns,
  rows,
  csvHref,
  format = (cell) => (cell === null ? "—" : typeof cell === "number" ? cell.toLocaleString("en-US") : cell),
}: {
  title: string;
  columns: string[];
  rows: Cell[][];
  csvHref?: string;
  format?: (cell: Cell, column: number) => string;
}) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        {csvHref ? (
          <a href={csvHref} className="text-sm font-medium underline" download>
            Download CSV<span className="sr-only"> of {title}</span>
          </a>
        ) : null}
      </div>
      {/* Focusable so keyboard users can scroll a wide table sideways. */}
      <div className="border-subtle overflow-x-auto rounded-card border" tabIndex={0} role="region" aria-label={title}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="surface-muted">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="text-muted px-3 py-3">
                  Nothing in this period.
                </td>
              </tr>
            ) : (
              rows.map((row, r) => (
                <tr key={r} className="border-t border-[var(--border)]">
                  {row.map((cell, c) => (
                    <td key={c} className="px-3 py-2 whitespace-nowrap tabular-nums">
                      {format(cell, c)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
