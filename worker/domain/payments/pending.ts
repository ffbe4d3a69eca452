import { and, eq } from "drizzle-orm";
import { payments, type PaymentProviderName } from "../../../db/schema";
import type { DomainContext } from "../context";

export interface PendingPaymentView {
  id: string;
  provider: PaymentProviderName;
  createdAt: string;
}

/** The payments a client started on a contract and has not finished, by milestone (at most one each). */
export async function pendingPaymentsOf(
  ctx: DomainContext,
  payerId: string,
  contractId: string,
): Promise<Record<string, PendingPaymentView>> {
  const rows = await ctx.db
    .select({ id: payments.id, provider: payments.provider, milestoneId: payments.milestoneId, createdAt: payments.createdAt })
    .from(payments)
    .where(and(eq(payments.contractId, contractId), eq(payments.payerId, payerId), eq(payments.status, "pending")));
  return Object.fromEntries(rows.map((p) => [p.milestoneId, { id: p.id, provider: p.provider, createdAt: p.createdAt.toISOString() }]));
}
