import { CURRENCY_DIGITS } from "../projects/currencies";

/** Minor-unit digits of an ISO 4217 currency: ours first, then what Intl knows (USDC has 6). */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (Object.hasOwn(CURRENCY_DIGITS, code)) return CURRENCY_DIGITS[code as keyof typeof CURRENCY_DIGITS];
  if (code === "USDC") return 6;
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A typed major-unit amount ("1,500.5") as integer minor units, exactly (string arithmetic, no floats);
 * null when it is not a plain positive number or has more decimals than the currency allows.
 */
export function toMinorUnits(major: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const text = major.trim().replace(/[,_\s]/g, "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return null;
  const minor = Number(whole + fraction.slice(0, digits).padEnd(digits, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to the plain major-unit text a form field shows ("150000" USD -> "1500.00"). */
export function toMajorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
