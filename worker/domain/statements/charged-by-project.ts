import { and, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { contracts, invoices } from "../../../db/schema";
import type { DomainContext } from "../context";
import { endOf, startOf, type DayRange } from "../analytics/range";

export interface ChargedInOtherCurrency {
  projectId: string;
  /** The contract currency the spending figures are in. */
  currency: string;
  chargedCurrency: string;
  /** Charged in chargedCurrency for milestones paid in it, and given back in it for their refunds. */
  charged: number;
  refunded: number;
}

/**
 * For spending by project: what a client paid in currencies other than their contracts', per project, from
 * the charge invoices and credit notes of the range (which carry the amounts at the rates locked at funding).
 */
export async function chargedByProject(ctx: DomainContext, clientId: string, range: DayRange, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      projectId: contracts.projectId,
      currency: invoices.currency,
      chargedCurrency: sql<string>`${invoices.chargedCurrency}`,
      charged: sql<number>`coalesce(sum(case when ${invoices.kind} = 'charge' then ${invoices.chargedAmount} end), 0)`,
      refunded: sql<number>`coalesce(sum(case when ${invoices.kind} = 'credit_note' then ${invoices.chargedAmount} end), 0)`,
    })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(
      and(
        eq(invoices.recipientId, clientId),
        inArray(invoices.kind, ["charge", "credit_note"]),
        isNotNull(invoices.chargedCurrency),
        inArray(contracts.projectId, projectIds),
        gte(invoices.issuedAt, new Date(startOf(range.from))),
        lt(invoices.issuedAt, new Date(endOf(range))),
      ),
    )
    .groupBy(contracts.projectId, invoices.currency, invoices.chargedCurrency);
  return rows.map((r): ChargedInOtherCurrency => ({ ...r, charged: Number(r.charged), refunded: Number(r.refunded) }));
}
