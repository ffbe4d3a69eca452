import { inputClass } from "../ui/field";
import { listCurrencies } from "../../../worker/domain/currency/currencies";

/**
 * Lets the client pay a milestone in another currency: the amount is converted at the current rate, which is
 * locked on the payment and shown to both sides; the contract and its ledger stay in their own currency.
 */
export function PayInCurrency({ milestoneId, contractCurrency }: { milestoneId: string; contractCurrency: string }) {
  const id = `pay-in-${milestoneId}`;
  return (
    <span className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm">
        Pay in
      </label>
      <select id={id} name="currency" defaultValue="" className={`${inputClass} w-auto py-1`}>
        <option value="">{contractCurrency} (contract currency)</option>
        {listCurrencies()
          .filter((c) => c.code !== contractCurrency)
          .map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}, rate locked now
            </option>
          ))}
      </select>
    </span>
  );
}
