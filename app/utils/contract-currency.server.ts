import type { User } from "../../db/schema";
import type { DomainContext } from "../../worker/domain/context";
import { payableCurrencies } from "../../worker/domain/currency/payable";
import { displayRatesFor } from "./display-currency.server";

/** What the contract page needs to show its amounts in the viewer's preferred currency too. */
export async function contractCurrencyView(ctx: DomainContext, user: User, contract: { currency: string }) {
  return { display: await displayRatesFor(ctx, user, [contract.currency]) };
}

/** The "Pay in" choices, for a client with a milestone still to fund; nothing otherwise (no rate reads). */
export async function payInCurrenciesFor(
  ctx: DomainContext,
  user: User,
  contract: { viewerRole: string; milestones: { status: string }[] },
): Promise<{ code: string; name: string }[]> {
  if (contract.viewerRole !== "client" || !contract.milestones.some((m) => m.status === "pending")) return [];
  return (await payableCurrencies(ctx, user)).map((c) => ({ code: c.code, name: c.name }));
}
