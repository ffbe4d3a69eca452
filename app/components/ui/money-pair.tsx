import { inPreferred, type DisplayRates } from "~/utils/display-currency";
import { formatMoney } from "~/utils/money";

/**
 * An amount in its own (contract) currency, followed by the viewer's preferred currency when it differs:
 * "€92.00 (≈ $100.00)". The second figure is an estimate at the latest known rate, never what is charged.
 */
export function MoneyPair({
  amount,
  currency,
  display,
  className,
}: {
  amount: number;
  currency: string;
  display?: DisplayRates | null;
  className?: string;
}) {
  const converted = inPreferred(amount, currency, display);
  return (
    <span className={className}>
      {formatMoney(amount, currency)}
      {converted ? (
        <span className="text-muted" title={`Estimate at the exchange rate of ${new Date(converted.fetchedAt).toUTCString()}`}>
          {" "}
          (≈ {formatMoney(converted.amount, converted.currency)})
        </span>
      ) : null}
    </span>
  );
}
