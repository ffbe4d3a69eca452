import { CURRENCY_DIGITS } from "../currency/supported";

/** Minor-unit digits: ours, then USDC's 6, else 2. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (Object.hasOwn(CURRENCY_DIGITS, code)) return CURRENCY_DIGITS[code as keyof typeof CURRENCY_DIGITS];
  return code === "USDC" ? 6 : 2;
}

/** "1,234.50 USD" from minor units, with exact string arithmetic (PDFs print plain codes, not symbols). */
export function plainAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits ? `.${text.slice(text.length - digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction} ${currency}`;
}

export function percentOfBps(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;
}
