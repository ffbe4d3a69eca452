import { saveBillingDetails } from "../../../worker/domain/invoices/billing";
import { setTimeZone } from "../../../worker/domain/time/preference";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";

/**
 * Billing details, saved before any money moves so every document carries them: the demo freelancer is a UK
 * sole trader (UK VAT on the platform fee of every release), the demo client a German business with a VAT
 * number, the agency a UK business, and the retoucher a Dutch business with a VAT number (reverse charge).
 */
export async function billingDetailsOfTheCast(s: StoryContext, cast: Cast): Promise<void> {
  await s.at(129, 9);
  await saveBillingDetails(s.ctx, cast.freelancer.user.id, {
    legalName: `${cast.freelancer.user.name} Design`,
    address: "14 Canal Street, Manchester M1 3HE",
    country: "GB",
    taxStatus: "personal",
  });
  await saveBillingDetails(s.ctx, cast.client.user.id, {
    legalName: "Nordlicht Media GmbH",
    taxId: "DE 284 715 903",
    address: "Torstraße 112, 10119 Berlin",
    country: "DE",
    taxStatus: "business",
  });
  await saveBillingDetails(s.ctx, cast.otherClients[1].user.id, {
    taxId: "GB 123 4567 89",
    address: "2 Temple Back, Bristol BS1 6FL",
    country: "GB",
    taxStatus: "business",
  });
  await saveBillingDetails(s.ctx, cast.otherFreelancers[1].user.id, {
    taxId: "NL 8536 12 345 B01",
    address: "Keizersgracht 241, 1016 EA Amsterdam",
    country: "NL",
    taxStatus: "business",
  });
}

/**
 * Where the cast lives, so each sees times in their own zone and the other's local time: the demo client chose
 * Berlin in settings; the demo freelancer's zone (Manchester, Europe/London) is on their profile, and a market
 * client chose New York.
 */
export async function timeZonesOfTheCast(s: StoryContext, cast: Cast): Promise<void> {
  await setTimeZone(s.ctx, cast.client.user, { timeZone: "Europe/Berlin" });
  await setTimeZone(s.ctx, cast.otherClients[0].user, { timeZone: "America/New_York" });
}
