/** ISO 4217 currencies a project budget, bid or rate may use, with their minor-unit digits. */
export const CURRENCY_DIGITS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  INR: 2,
  PKR: 2,
  BDT: 2,
  SGD: 2,
  AED: 2,
  ZAR: 2,
  NGN: 2,
  KES: 2,
  BRL: 2,
  MXN: 2,
  JPY: 0,
} as const;

export type SupportedCurrency = keyof typeof CURRENCY_DIGITS;
export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_DIGITS) as SupportedCurrency[];

export function normalizeCurrency(code: string): SupportedCurrency | null {
  const upper = code.trim().toUpperCase();
  return Object.hasOwn(CURRENCY_DIGITS, upper) ? (upper as SupportedCurrency) : null;
}
