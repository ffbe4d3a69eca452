import type { Payment } from "../../../db/schema";
import { formatMoney, rateText } from "./format";

/**
 * What a client was charged in their own currency for a milestone paid in another currency than the
 * contract's, at the rate locked when it was funded; the ledger itself stays in the contract currency.
 */
export interface ChargedView {
  /** Minor units of `currency` charged for the milestone. */
  amount: number;
  currency: string;
  /** Units of `currency` per one unit of the contract currency, exact decimal text (format with formatRate). */
  rate: string;
  /** When that rate was published. */
  rateFetchedAt: string;
  /** The part of `amount` given back for what was refunded (contract currency) so far. */
  refunded: number;
}

type LockedPayment = Pick<Payment, "amount" | "paidAmount" | "paidCurrency" | "exchangeRate" | "rateFetchedAt">;

/**
 * The paying currency's share of `part` (contract-currency minor units) at the locked rate: paidAmount × part /
 * amount, rounded half up. Shares of running totals never add up to more than was charged, and the whole
 * amount gives back exactly what was charged.
 */
export function chargedShare(payment: Pick<Payment, "amount" | "paidAmount">, part: number): number {
  if (payment.paidAmount === null || payment.amount <= 0) return 0;
  const scaled = BigInt(payment.paidAmount) * BigInt(Math.max(0, Math.min(part, payment.amount))) * 2n;
  return Number((scaled + BigInt(payment.amount)) / (2n * BigInt(payment.amount)));
}

/** A payment's locked rate as shown beside the contract amount; null when it was paid in the contract currency. */
export function chargedView(payment: LockedPayment, refunded = 0): ChargedView | null {
  if (!payment.paidCurrency || payment.paidAmount === null || !payment.exchangeRate || !payment.rateFetchedAt) return null;
  return {
    amount: payment.paidAmount,
    currency: payment.paidCurrency,
    rate: payment.exchangeRate,
    rateFetchedAt: payment.rateFetchedAt.toISOString(),
    refunded: chargedShare(payment, refunded),
  };
}

/**
 * The paying-currency figure in one sentence, the same on the milestone card, invoices, credit notes and
 * statements: "Charged £176.74 at the locked rate 1 EUR = 0.883721 GBP (rate of 7 Dec 2026, 00:26 UTC)."
 * `rateDate` is the rate's time already written for the reader (their zone on the web, UTC in documents).
 */
export function chargedSentence(
  what: "charged" | "refunded",
  c: { amount: number; currency: string; rate: string },
  contractCurrency: string,
  rateDate: string,
): string {
  const verb = what === "charged" ? "Charged" : "Given back";
  return `${verb} ${formatMoney(c.amount, c.currency)} at the locked rate ${rateText(contractCurrency, c.currency, c.rate)} (rate of ${rateDate}).`;
}
