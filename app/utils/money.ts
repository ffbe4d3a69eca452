import { formatMoney, majorText as toMajorText, minorDigits } from "../../worker/domain/currency/format";
import { toMinorUnits } from "../../worker/domain/currency/minor-units";
import { SUPPORTED_CURRENCIES } from "../../worker/domain/currency/supported";

/** One money format for pages, notifications, e-mails and documents: it lives in the domain. */
export { formatMoney, minorDigits, SUPPORTED_CURRENCIES, toMajorText, toMinorUnits };

export function formatMoneyRange(min: number, max: number, currency: string): string {
  return min === max ? formatMoney(min, currency) : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}
