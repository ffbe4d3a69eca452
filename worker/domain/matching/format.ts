/** Wording helpers for match reasons: amounts in major units with their currency, lists in plain English. */
import { CURRENCY_DIGITS } from "../currency/supported";

function digitsOf(currency: string): number {
  const code = currency.toUpperCase();
  return Object.hasOwn(CURRENCY_DIGITS, code) ? CURRENCY_DIGITS[code as keyof typeof CURRENCY_DIGITS] : 2;
}

/** Intl formatters are costly to build and reasons format thousands of amounts: one per currency and style. */
const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${currency}:${whole}`;
  let format = formats.get(key);
  if (!format) {
    const digits = whole ? 0 : 2;
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    if (formats.size < 200) formats.set(key, format);
  }
  return format;
}

/** 6000 USD -> "$60", 6050 USD -> "$60.50". */
export function money(minor: number, currency: string): string {
  const major = minor / 10 ** digitsOf(currency);
  try {
    return formatFor(currency, Number.isInteger(major)).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

/** "$50–$80", or "$50" when both ends are equal. */
export function moneyRange(min: number, max: number, currency: string): string {
  return min === max ? money(min, currency) : `${money(min, currency)}–${money(max, currency)}`;
}

/** ["React"] -> "React"; ["A", "B"] -> "A and B"; ["A", "B", "C"] -> "A, B and C". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
