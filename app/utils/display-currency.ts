import { convertMinor, parseDecimal } from "../../worker/domain/currency/decimal";
import { minorDigits } from "./money";

/** The viewer's preferred currency and the rates to it from the currencies on the page (for display only). */
export interface DisplayRates {
  preferred: string;
  /** From-currency -> units of `preferred` per unit, as exact decimal text, and when it was published. */
  rates: Record<string, { rate: string; fetchedAt: string }>;
}

/** An amount in the viewer's preferred currency, or null when it is the same currency or no rate is known. */
export function inPreferred(amount: number, currency: string, display: DisplayRates | null | undefined) {
  if (!display || display.preferred === currency) return null;
  const known = display.rates[currency];
  const rate = known ? parseDecimal(known.rate) : null;
  if (!known || !rate) return null;
  return {
    amount: convertMinor(amount, rate, minorDigits(currency), minorDigits(display.preferred)),
    currency: display.preferred,
    fetchedAt: known.fetchedAt,
  };
}
