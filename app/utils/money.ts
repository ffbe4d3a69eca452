import { minorDigits } from "../../worker/domain/currency/minor-units";
import { SUPPORTED_CURRENCIES } from "../../worker/domain/projects/currencies";

export { minorDigits, toMajorText, toMinorUnits } from "../../worker/domain/currency/minor-units";

export { SUPPORTED_CURRENCIES };

/** An integer amount in minor units, shown with its currency (e.g. 150000 USD -> "$1,500.00"). */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale ?? "en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

export function formatMoneyRange(min: number, max: number, currency: string): string {
  return min === max ? formatMoney(min, currency) : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}
