import { eq } from "drizzle-orm";
import { billingDetails } from "../../../db/schema";
import type { DomainContext } from "../context";
import { parseInput } from "../shared/validate";
import { billingDetailsInput, type BillingDetailsChange } from "./billing-input";

export interface BillingDetailsInput {
  legalName: string | null;
  taxId: string | null;
  address: string | null;
  country: string | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function toBillingView(row: BillingDetailsInput | undefined): BillingDetailsInput {
  return { legalName: row?.legalName ?? null, taxId: row?.taxId ?? null, address: row?.address ?? null, country: row?.country ?? null };
}

/** The viewer's own billing details (all empty until saved). */
export async function getBillingDetails(ctx: DomainContext, userId: string): Promise<BillingDetailsInput> {
  const [row] = await ctx.db.select().from(billingDetails).where(eq(billingDetails.userId, userId)).limit(1);
  return toBillingView(row);
}

/** Saves what later invoices print; invoices already issued keep the details they were issued with. */
export async function saveBillingDetails(ctx: DomainContext, userId: string, change: BillingDetailsChange): Promise<BillingDetailsInput> {
  const input = parseInput(billingDetailsInput, change);
  const values = {
    legalName: blankToNull(input.legalName),
    taxId: blankToNull(input.taxId),
    address: blankToNull(input.address),
    country: blankToNull(input.country)?.toUpperCase() ?? null,
    updatedAt: ctx.clock.now(),
  };
  const [row] = await ctx.db
    .insert(billingDetails)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: billingDetails.userId, set: values })
    .returning();
  return toBillingView(row);
}
