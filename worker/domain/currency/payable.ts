import { and, desc, eq, sql } from "drizzle-orm";
import { payments, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { findCurrency, type CurrencyInfo } from "./currencies";
import { formatMoney } from "./format";
import { lockFundingRate } from "./funding-rate";
import { currenciesWithRates } from "./rates";

/**
 * The most traded currencies worldwide, most first (BIS Triennial Survey order): after the client's own
 * habits, what most people pay in.
 */
const MOST_TRADED = [
  "USD",
  "EUR",
  "JPY",
  "GBP",
  "CNY",
  "AUD",
  "CAD",
  "CHF",
  "HKD",
  "SGD",
  "SEK",
  "KRW",
  "NOK",
  "NZD",
  "INR",
  "MXN",
  "TWD",
  "ZAR",
  "BRL",
  "DKK",
  "PLN",
  "THB",
  "ILS",
  "IDR",
  "CZK",
  "AED",
  "TRY",
  "HUF",
  "CLP",
  "SAR",
  "PHP",
  "MYR",
  "COP",
  "RON",
  "PEN",
  "PKR",
  "NGN",
  "EGP",
  "BDT",
  "VND",
  "KES",
  "UAH",
  "ARS",
];

/** How many of the client's own payments to look at for their habits. */
const HISTORY = 50;

/**
 * Currencies a client can pay a milestone in: only those with a current rate (so paying never fails for want
 * of one), most used first: the client's preferred currency, then the ones they paid in before (most often
 * first), then the world's most traded, then the rest by code.
 */
export async function payableCurrencies(ctx: DomainContext, payer: Pick<User, "id" | "preferredCurrency">): Promise<CurrencyInfo[]> {
  const [rated, history] = await Promise.all([
    currenciesWithRates(ctx),
    ctx.db
      .select({ code: sql<string>`coalesce(${payments.paidCurrency}, ${payments.currency})` })
      .from(payments)
      .where(and(eq(payments.payerId, payer.id), eq(payments.status, "succeeded")))
      .orderBy(desc(payments.createdAt))
      .limit(HISTORY),
  ]);
  const used = new Map<string, number>();
  for (const { code } of history) used.set(code, (used.get(code) ?? 0) + 1);
  const rank = (code: string) => {
    if (code === payer.preferredCurrency) return -1e9;
    if (used.has(code)) return -1e6 - (used.get(code) as number);
    const traded = MOST_TRADED.indexOf(code);
    return traded === -1 ? MOST_TRADED.length : traded;
  };
  return [...rated]
    .map((code) => findCurrency(code))
    .filter((c): c is CurrencyInfo => Boolean(c))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

/** What paying a milestone in `currency` charges, before the client confirms: the same figure funding locks. */
export interface ChargeQuote {
  amount: number;
  currency: string;
  chargedAmount: number;
  chargedCurrency: string;
  /** Units of chargedCurrency per unit of currency, exact decimal text ("1" in the contract's own currency). */
  rate: string;
  fetchedAt: string;
}

export async function quoteCharge(
  ctx: DomainContext,
  milestone: { amount: number; currency: string },
  currency: string | null | undefined,
): Promise<ChargeQuote> {
  const lock = await lockFundingRate(ctx, milestone, currency);
  return {
    amount: milestone.amount,
    currency: milestone.currency,
    chargedAmount: lock?.paidAmount ?? milestone.amount,
    chargedCurrency: lock?.paidCurrency ?? milestone.currency,
    rate: lock?.rate ?? "1",
    fetchedAt: (lock?.fetchedAt ?? ctx.clock.now()).toISOString(),
  };
}

/** Funding refuses a charge other than the one the client saw: the rate moved between quote and confirmation. */
export function quoteChanged(quote: ChargeQuote): AppError {
  return new AppError(
    409,
    "quote_changed",
    `The exchange rate changed since you saw it: paying now charges ${formatMoney(quote.chargedAmount, quote.chargedCurrency)}. Nothing was charged; check the new amount and confirm again.`,
    { chargedAmount: [`Now ${quote.chargedAmount} ${quote.chargedCurrency} (minor units).`] },
  );
}
