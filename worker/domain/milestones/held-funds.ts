import type { BatchItem } from "drizzle-orm/batch";
import { eq } from "drizzle-orm";
import { milestones, type Contract, type Milestone, type MilestoneStatus } from "../../../db/schema";
import { contractEventStatement, type ContractEventType } from "../contract-core/events";
import type { DomainContext } from "../context";
import { ledgerAccounts } from "../ledger/accounts";
import type { HeldFunds } from "../ledger/balances";
import { platformFee } from "../ledger/fees";
import { ledgerTransactionStatements, type Posting } from "../ledger/ledger";
import { auditStatement } from "../shared/audit";
import { splitInclusive, type TaxTreatment } from "../tax/treatment";

export type HeldMovementKind = "release" | "refund";

export interface HeldMovement {
  kind: HeldMovementKind;
  amount: number;
  reason: string | null;
  /** The stored idempotency key of the ledger transaction. */
  idempotencyKey: string;
  /** Null when the platform acts (auto-approval). */
  actorId: string | null;
  eventType: ContractEventType;
  /** The milestone's status once nothing is held for it any more. */
  statusWhenEmpty: MilestoneStatus;
  /** The status while something is still held (default: unchanged). */
  statusWhileHeld?: MilestoneStatus;
  milestoneChanges?: Partial<typeof milestones.$inferInsert>;
  eventData?: Record<string, unknown>;
}

/**
 * Release: held -> freelancer minus the platform fee; the fee is tax-inclusive, so the VAT or GST it holds
 * goes to the jurisdiction's tax account and the rest to the platform's fees. Refund: held -> back to the client.
 * `feeTax` is the fee buyer's (the freelancer's) treatment; a refund takes none.
 */
export function heldMovementPostings(contract: Contract, kind: HeldMovementKind, amount: number, feeTax: TaxTreatment | null): Posting[] {
  const escrow = ledgerAccounts.escrow(contract.id);
  if (kind === "refund") {
    return [
      { account: escrow, amount: -amount },
      { account: ledgerAccounts.clientRefunds(contract.clientId), amount },
    ];
  }
  if (!feeTax) throw new Error("A release needs the fee's tax treatment");
  const fee = platformFee(amount);
  const { net, tax } = splitInclusive(fee, feeTax.rateBps);
  return [
    { account: escrow, amount: -amount },
    { account: ledgerAccounts.freelancer(contract.freelancerId), amount: amount - fee },
    { account: ledgerAccounts.platformFees, amount: net },
    ...(tax && feeTax.jurisdiction ? [{ account: ledgerAccounts.tax(feeTax.jurisdiction), amount: tax }] : []),
  ];
}

/**
 * Everything one movement of a milestone's held funds writes: the ledger transaction, the milestone's new
 * status, the timeline entry and the audit event. The caller adds the contract version bump and commits.
 */
export function heldMovementStatements(
  ctx: DomainContext,
  target: { contract: Contract; milestone: Milestone; funds: HeldFunds },
  movement: HeldMovement,
  /** The platform fee's tax for a release (taxTreatmentFor the freelancer's billing details); null for a refund. */
  feeTax: TaxTreatment | null,
): { transactionId: string; statements: BatchItem<"sqlite">[] } {
  const { contract, milestone, funds } = target;
  const heldAfter = funds.held - movement.amount;
  const status = heldAfter === 0 ? movement.statusWhenEmpty : (movement.statusWhileHeld ?? milestone.status);
  const now = ctx.clock.now();
  const ledger = ledgerTransactionStatements(ctx, {
    kind: movement.kind,
    idempotencyKey: movement.idempotencyKey,
    currency: milestone.currency,
    contractId: contract.id,
    milestoneId: milestone.id,
    actorId: movement.actorId,
    memo: movement.reason,
    postings: heldMovementPostings(contract, movement.kind, movement.amount, feeTax),
  });
  const data = {
    amount: movement.amount,
    currency: milestone.currency,
    reason: movement.reason,
    ...(feeTax
      ? { feeTax: { treatment: feeTax.treatment, kind: feeTax.kind, rateBps: feeTax.rateBps, jurisdiction: feeTax.jurisdiction } }
      : {}),
    ...movement.eventData,
  };
  return {
    transactionId: ledger.id,
    statements: [
      ...ledger.statements,
      ctx.db
        .update(milestones)
        .set({ status, updatedAt: now, ...(status === "approved" ? { approvedAt: now } : {}), ...movement.milestoneChanges })
        .where(eq(milestones.id, milestone.id)),
      contractEventStatement(ctx, {
        contractId: contract.id,
        milestoneId: milestone.id,
        type: movement.eventType,
        actorId: movement.actorId,
        data,
      }),
      auditStatement(ctx, {
        type: `money.${movement.kind}`,
        actorId: movement.actorId,
        subjectType: "milestone",
        subjectId: milestone.id,
        data: { ...data, transactionId: ledger.id },
      }),
    ],
  };
}
