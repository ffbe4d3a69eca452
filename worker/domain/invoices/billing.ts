import { eq } from "drizzle-orm";
import { billingDetails, type TaxStatus } from "../../../db/schema";
import type { DomainContext } from "../context";
import { parseInput } from "../shared/validate";
import { EU_COUNTRIES } from "../tax/rates";
import type { TaxBuyer } from "../tax/treatment";
import { normalVatNumber } from "../tax/vat-numbers";
import { billingDetailsInput, type BillingDetailsChange } from "./billing-input";

export interface BillingDetailsInput {
  legalName: string | null;
  taxId: string | null;
  address: string | null;
  country: string | null;
  taxStatus: TaxStatus | null;
  province: string | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function toBillingView(row: Partial<BillingDetailsInput> | undefined): BillingDetailsInput {
  return {
    legalName: row?.legalName ?? null,
    taxId: row?.taxId ?? null,
    address: row?.address ?? null,
    country: row?.country ?? null,
    taxStatus: row?.taxStatus ?? null,
    province: row?.province ?? null,
  };
}

/** The billing details that decide tax, for the tax domain. */
export function taxBuyerOf(row: Partial<BillingDetailsInput> | null | undefined): TaxBuyer {
  return { country: row?.country ?? null, province: row?.province ?? null, status: row?.taxStatus ?? null, taxId: row?.taxId ?? null };
}

/** One user's tax buyer details (no country: no tax). */
export async function taxBuyerFor(ctx: DomainContext, userId: string): Promise<TaxBuyer> {
  const [row] = await ctx.db.select().from(billingDetails).where(eq(billingDetails.userId, userId)).limit(1);
  return taxBuyerOf(row);
}

/** The viewer's own billing details (all empty until saved). */
export async function getBillingDetails(ctx: DomainContext, userId: string): Promise<BillingDetailsInput> {
  const [row] = await ctx.db.select().from(billingDetails).where(eq(billingDetails.userId, userId)).limit(1);
  return toBillingView(row);
}

/** Saves what later invoices print; invoices already issued keep the details they were issued with. */
export async function saveBillingDetails(ctx: DomainContext, userId: string, change: BillingDetailsChange): Promise<BillingDetailsInput> {
  const input = parseInput(billingDetailsInput, change);
  const country = blankToNull(input.country)?.toUpperCase() ?? null;
  const taxStatus = input.taxStatus ? input.taxStatus : null;
  const taxId = blankToNull(input.taxId);
  const values = {
    legalName: blankToNull(input.legalName),
    // An EU business's VAT number is kept in its normal form (prefix, no spaces).
    taxId: taxId && taxStatus === "business" && country && EU_COUNTRIES.has(country) ? (normalVatNumber(country, taxId) ?? taxId) : taxId,
    address: blankToNull(input.address),
    country,
    taxStatus,
    province: country === "CA" ? (blankToNull(input.province)?.toUpperCase() ?? null) : null,
    updatedAt: ctx.clock.now(),
  };
  const [row] = await ctx.db
    .insert(billingDetails)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: billingDetails.userId, set: values })
    .returning();
  return toBillingView(row);
}
