import type { Payment } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireCurrency } from "./currencies";
import { convertAmount } from "./rates";

/** The rate fixed when a client pays in another currency than the contract's; the ledger stays in the contract's. */
export interface LockedRate {
  paidCurrency: string;
  /** Minor units of paidCurrency charged to the client. */
  paidAmount: number;
  /** Units of paidCurrency per unit of the contract currency, exact decimal text. */
  rate: string;
  fetchedAt: Date;
}

/**
 * Locks the current rate for a funding paid in `paying`; null when the client pays in the contract's own
 * currency (or names none). The charge is the milestone amount converted and rounded to the paying currency.
 */
export async function lockFundingRate(
  ctx: DomainContext,
  milestone: { amount: number; currency: string },
  paying: string | null | undefined,
): Promise<LockedRate | null> {
  if (!paying) return null;
  const code = requireCurrency(paying).code;
  if (code === milestone.currency) return null;
  const { quote, converted } = await convertAmount(ctx, milestone.amount, milestone.currency, code);
  if (converted <= 0) {
    throw new AppError(422, "amount_too_small", `This amount is less than the smallest unit of ${code}.`, {
      currency: ["Pay in the contract currency instead."],
    });
  }
  return { paidCurrency: code, paidAmount: converted, rate: quote.rateText, fetchedAt: quote.fetchedAt };
}

/** The payment columns that record a locked rate. */
export function lockedRateColumns(lock: LockedRate | null) {
  return lock
    ? { paidCurrency: lock.paidCurrency, paidAmount: lock.paidAmount, exchangeRate: lock.rate, rateFetchedAt: lock.fetchedAt }
    : {};
}

/** The locked rate as both sides see it on the payment and the contract timeline. */
export function lockedRateView(p: Pick<Payment, "paidCurrency" | "paidAmount" | "exchangeRate" | "rateFetchedAt">) {
  if (!p.paidCurrency || p.paidAmount === null || !p.exchangeRate || !p.rateFetchedAt) return null;
  return { paidCurrency: p.paidCurrency, paidAmount: p.paidAmount, rate: p.exchangeRate, rateFetchedAt: p.rateFetchedAt.toISOString() };
}
