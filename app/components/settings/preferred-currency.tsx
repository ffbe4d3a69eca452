import { Form } from "@remix-run/react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { inputClass } from "../ui/field";
import { listCurrencies } from "../../../worker/domain/currency/currencies";

/** Picks the currency every amount is also shown in, beside the contract's own currency. */
export function PreferredCurrencyCard({ current, saved }: { current: string | null; saved?: boolean }) {
  return (
    <Card
      title="Your currency"
      description="Amounts also show in this currency, at the latest known rate, beside the currency of each contract. Payments are not converted."
    >
      <Form method="post" action="/settings/currency" className="flex flex-wrap items-end gap-3">
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="preferred-currency" className="block text-sm font-medium">
            Show amounts also in
          </label>
          <select id="preferred-currency" name="currency" defaultValue={current ?? ""} className={`${inputClass} mt-1`}>
            <option value="">Only the contract currency</option>
            {listCurrencies().map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Save currency
        </Button>
      </Form>
      {saved ? (
        <p role="status" className="mt-2 text-sm text-green-700 dark:text-green-300">
          Saved: {current ?? "only the contract currency"}.
        </p>
      ) : null}
    </Card>
  );
}
