import { CURRENCY_DIGITS } from "./supported";
import { findCurrency } from "./currencies";

/** Minor-unit digits of a currency: ours first, then USDC's 6, ISO 4217's list, what Intl knows, else 2. */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (Object.hasOwn(CURRENCY_DIGITS, code)) return CURRENCY_DIGITS[code as keyof typeof CURRENCY_DIGITS];
  if (code === "USDC") return 6;
  const listed = findCurrency(code);
  if (listed) return listed.minorUnits;
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An integer amount in minor units with its currency ("€1,500.00"). The one money format of web pages,
 * notifications and e-mails, so every channel prints the same figure the same way.
 */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** Minor units as the plain major-unit text a form field or a CSV cell holds ("150000" USD -> "1500.00"). */
export function majorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor));
  if (digits === 0) return `${sign}${text}`;
  const padded = text.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const RATE_FORMAT = new Intl.NumberFormat("en-US", { minimumSignificantDigits: 4, maximumSignificantDigits: 6 });

/** An exchange rate for reading: 4 to 6 significant digits ("0.883720930233" -> "0.883721"). */
export function formatRate(rateText: string): string {
  const value = Number(rateText);
  return Number.isFinite(value) && value > 0 ? RATE_FORMAT.format(value) : rateText;
}

/** "1 EUR = 0.883721 GBP": units of `to` per one unit of `from`. */
export function rateText(from: string, to: string, rate: string): string {
  return `1 ${from} = ${formatRate(rate)} ${to}`;
}
