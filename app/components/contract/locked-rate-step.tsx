import { rateText } from "../../../worker/domain/currency/format";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";

/** On a funding step of the timeline: what the client pays in their own currency, at the rate locked then. */
export function LockedRateStep({ data }: { data: Record<string, unknown> }) {
  const { paidCurrency, paidAmount, exchangeRate, rateFetchedAt, currency } = data;
  if (
    typeof paidCurrency !== "string" ||
    typeof paidAmount !== "number" ||
    typeof exchangeRate !== "string" ||
    typeof currency !== "string"
  ) {
    return null;
  }
  return (
    <p className="text-muted">
      Paid in {paidCurrency}: {formatMoney(paidAmount, paidCurrency)} at the locked rate {rateText(currency, paidCurrency, exchangeRate)}
      {typeof rateFetchedAt === "string" ? (
        <>
          {" "}
          (rate of <LocalTime value={rateFetchedAt} />)
        </>
      ) : null}
      ; the contract is kept in {currency}.
    </p>
  );
}
