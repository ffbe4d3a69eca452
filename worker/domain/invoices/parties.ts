import { eq } from "drizzle-orm";
import { billingDetails, clientProfiles, freelancerProfiles, users, type InvoiceParty } from "../../../db/schema";
import type { DomainContext } from "../context";

export const PLATFORM_NAME = "MegiLance";
/** Used when a deployment sets no BILLING_EMAIL; never derived from the app's host (which may be an IP). */
export const DEFAULT_BILLING_EMAIL = "billing@megilance.com";

/** The platform as a party: it collects charges, pays out and charges the fee. */
export function platformParty(ctx: DomainContext): InvoiceParty {
  return {
    name: PLATFORM_NAME,
    email: ctx.config.billingEmail ?? DEFAULT_BILLING_EMAIL,
    company: null,
    country: null,
    taxId: null,
    address: null,
  };
}

/** A user as printed on an invoice: their billing details first, then the company and country of their profile. */
export async function userParty(ctx: DomainContext, userId: string): Promise<InvoiceParty> {
  const [row] = await ctx.db
    .select({
      name: users.name,
      email: users.email,
      company: clientProfiles.companyName,
      clientCountry: clientProfiles.country,
      freelancerCountry: freelancerProfiles.country,
      billing: billingDetails,
    })
    .from(users)
    .leftJoin(clientProfiles, eq(clientProfiles.userId, users.id))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .leftJoin(billingDetails, eq(billingDetails.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  const billing = row?.billing;
  return {
    name: row?.name ?? "Former user",
    email: row?.email ?? null,
    company: billing?.legalName ?? row?.company ?? null,
    country: billing?.country ?? row?.clientCountry ?? row?.freelancerCountry ?? null,
    taxId: billing?.taxId ?? null,
    address: billing?.address ?? null,
  };
}
