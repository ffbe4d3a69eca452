import type { User } from "../../db/schema";
import type { DomainContext } from "../../worker/domain/context";
import { AppError } from "../../worker/domain/errors";
import { exchangeRate } from "../../worker/domain/currency/rates";
import type { DisplayRates } from "./display-currency";

/** Rates from the page's currencies to the viewer's preferred one; null when the viewer has none set. */
export async function displayRatesFor(ctx: DomainContext, user: User, currencies: string[]): Promise<DisplayRates | null> {
  const preferred = user.preferredCurrency;
  if (!preferred) return null;
  const rates: DisplayRates["rates"] = {};
  for (const currency of new Set(currencies)) {
    if (currency === preferred) continue;
    try {
      const quote = await exchangeRate(ctx, currency, preferred);
      rates[currency] = { rate: quote.rateText, fetchedAt: quote.fetchedAt.toISOString() };
    } catch (error) {
      // A currency without a known rate simply shows alone.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { preferred, rates };
}
