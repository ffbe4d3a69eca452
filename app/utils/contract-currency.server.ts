import type { User } from "../../db/schema";
import type { DomainContext } from "../../worker/domain/context";
import { displayRatesFor } from "./display-currency.server";

/** What the contract page needs to show its amounts in the viewer's preferred currency too. */
export async function contractCurrencyView(ctx: DomainContext, user: User, contract: { currency: string }) {
  return { display: await displayRatesFor(ctx, user, [contract.currency]) };
}
