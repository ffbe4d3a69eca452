import { minorDigits } from "./format";

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
