import { and, eq, inArray } from "drizzle-orm";
import { disputes, payments, type Payment } from "../../../db/schema";
import type { DomainContext } from "../context";
import type { MilestoneDecision } from "../ledger/outcome";

/** What a milestone's own row does not hold: the dispute decision that settled it and the payment's locked rate. */
export interface MilestoneFacts {
  decision: (MilestoneDecision & { released: number; refunded: number }) | null;
  payment: Payment | null;
}

/** Facts for one contract's milestones, or for the given milestones (two reads, in one round trip). */
export async function milestoneFacts(
  ctx: DomainContext,
  scope: { contractId: string } | { milestoneIds: string[] },
): Promise<Map<string, MilestoneFacts>> {
  const result = new Map<string, MilestoneFacts>();
  if ("milestoneIds" in scope && scope.milestoneIds.length === 0) return result;
  const byContract = "contractId" in scope;
  const disputeScope = byContract ? eq(disputes.contractId, scope.contractId) : inArray(disputes.milestoneId, scope.milestoneIds);
  const paymentScope = byContract ? eq(payments.contractId, scope.contractId) : inArray(payments.milestoneId, scope.milestoneIds);
  const [decided, paid] = await ctx.db.batch([
    ctx.db
      .select({
        id: disputes.id,
        milestoneId: disputes.milestoneId,
        resolvedByDefault: disputes.resolvedByDefault,
        released: disputes.releasedAmount,
        refunded: disputes.refundedAmount,
      })
      .from(disputes)
      .where(and(disputeScope, eq(disputes.status, "resolved"))),
    ctx.db
      .select()
      .from(payments)
      .where(and(paymentScope, eq(payments.status, "succeeded"))),
  ]);
  const entry = (id: string) => {
    const found = result.get(id) ?? { decision: null, payment: null };
    result.set(id, found);
    return found;
  };
  for (const d of decided) {
    entry(d.milestoneId).decision = {
      disputeId: d.id,
      by: d.resolvedByDefault ? "default" : "support",
      released: d.released ?? 0,
      refunded: d.refunded ?? 0,
    };
  }
  for (const p of paid) entry(p.milestoneId).payment = p;
  return result;
}
