import { Form } from "@remix-run/react";
import { Button } from "../ui/button";
import { cx } from "../ui/cx";
import { inputClass } from "../ui/field";

/** "From" and "to" day pickers that reload the page with the chosen range (works without JavaScript). */
export function RangeForm({ from, to, error }: { from: string; to: string; error?: string | null }) {
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
      <div>
        <label htmlFor="range-from" className="block text-sm font-medium">
          From
        </label>
        <input id="range-from" name="from" type="date" defaultValue={from} className={cx(inputClass, "mt-1")} />
      </div>
      <div>
        <label htmlFor="range-to" className="block text-sm font-medium">
          To
        </label>
        <input id="range-to" name="to" type="date" defaultValue={to} className={cx(inputClass, "mt-1")} />
      </div>
      <Button variant="secondary">Show</Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

/** "+12.5%" with an arrow, or "no comparison" when the previous period had nothing. */
export function Change({ value }: { value: number | null }) {
  if (value === null) return <span className="text-muted text-sm">no earlier figure</span>;
  const pct = Math.round(value * 1000) / 10;
  const tone = pct > 0 ? "text-emerald-700 dark:text-emerald-300" : pct < 0 ? "text-red-700 dark:text-red-300" : "text-muted";
  return (
    <span className={cx("text-sm font-medium", tone)}>
      <span aria-hidden="true">{pct > 0 ? "▲ " : pct < 0 ? "▼ " : ""}</span>
      {pct > 0 ? "+" : ""}
      {pct}% <span className="sr-only">compared with the previous period</span>
    </span>
  );
}
