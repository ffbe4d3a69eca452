import type { BatchItem } from "drizzle-orm/batch";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { disputes, type Dispute, type DisputeOutcome, type User } from "../../../db/schema";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { milestoneFunds, NO_FUNDS } from "../ledger/balances";
import { commitMoneyBatch, isChangedMeanwhile } from "../ledger/batch";
import { loadMilestone } from "../milestones/access";
import { heldMovementStatements } from "../milestones/held-funds";
import { issueRefundCreditNotes } from "../invoices/credit-notes";
import { taxBuyerFor } from "../invoices/billing";
import { issueFeeInvoice, issueQuietly } from "../invoices/issue";
import { taxTreatmentFor } from "../tax/treatment";
import { settleAfterMovement } from "../settlement/settle";
import { refundRefusal } from "../milestones/refund-policy";
import { statusAfterDecision } from "../ledger/outcome";
import { auditStatement } from "../shared/audit";
import { disputeNotices } from "./notify";
import { disputeNotFound, getDispute, isAdmin, loadDisputeRow, type DisputeRow } from "./queries";
import { defaultOutcome, DISPUTE_RESPONSE_DAYS, splitHeld } from "./rules";
import type { DisputeView } from "./view";

export interface DisputeDecision {
  outcome: DisputeOutcome;
  /** Required for a split: the freelancer's share of the held amount, 1-99. */
  freelancerPercent?: number | null;
  note: string;
}

interface Settlement extends DisputeDecision {
  resolvedBy: string | null;
  byDefault: boolean;
}

function sameDecision(d: Dispute, decision: DisputeDecision): boolean {
  return d.outcome === decision.outcome && (decision.outcome !== "split" || d.freelancerPercent === decision.freelancerPercent);
}

/**
 * Everything a resolution writes, in one batch: the dispute marked resolved first (which lifts the freeze
 * triggers for the rest of the batch), the release and/or refund through the ledger with keys derived from
 * the dispute (so it can never pay twice), the milestone's final status, and the timeline entries.
 */
async function settlementStatements(
  ctx: DomainContext,
  row: DisputeRow,
  s: Settlement,
): Promise<{ statements: BatchItem<"sqlite">[]; resolved: Dispute; releaseId: string | null }> {
  const { dispute, contract } = row;
  const milestone = await loadMilestone(ctx, dispute.milestoneId);
  if (!milestone) throw disputeNotFound();
  const [fundsByMilestone, feeBuyer] = await Promise.all([milestoneFunds(ctx, [contract.id]), taxBuyerFor(ctx, contract.freelancerId)]);
  const funds = fundsByMilestone.get(milestone.id) ?? NO_FUNDS;
  const split = splitHeld(funds.held, s.outcome, s.freelancerPercent);
  const now = ctx.clock.now();
  const memo = `Dispute ${s.byDefault ? "decided by default" : "decided"}: ${s.outcome}`;
  const changes = {
    status: "resolved" as const,
    outcome: s.outcome,
    freelancerPercent: s.outcome === "split" ? (s.freelancerPercent ?? null) : null,
    releasedAmount: split.released,
    refundedAmount: split.refunded,
    resolutionNote: s.note,
    resolvedBy: s.resolvedBy,
    resolvedByDefault: s.byDefault,
    resolvedAt: now,
    updatedAt: now,
  };
  const resolved: Dispute = { ...dispute, ...changes };
  const statements: BatchItem<"sqlite">[] = [
    bumpContractStatement(ctx, contract),
    ctx.db
      .update(disputes)
      .set(changes)
      .where(and(eq(disputes.id, dispute.id), inArray(disputes.status, ["open", "answered"]))),
  ];
  // Released in full, split or refunded in full: never "approved", since the client did not approve anything.
  const finalStatus = statusAfterDecision(split.released, split.refunded);
  let releaseId: string | null = null;
  if (split.released > 0) {
    const release = heldMovementStatements(
      ctx,
      { contract, milestone, funds },
      {
        kind: "release",
        amount: split.released,
        reason: memo,
        idempotencyKey: `dispute:${dispute.id}:release`,
        actorId: s.resolvedBy,
        eventType: "milestone.released",
        statusWhenEmpty: finalStatus,
        eventData: { disputeId: dispute.id },
      },
      taxTreatmentFor(feeBuyer, now),
    );
    releaseId = release.transactionId;
    statements.push(...release.statements);
  }
  if (split.refunded > 0) {
    const refusal = refundRefusal({ kind: "dispute" }, contract, milestone);
    if (refusal) throw refusal;
    const after = { ...funds, released: funds.released + split.released, held: funds.held - split.released };
    statements.push(
      ...heldMovementStatements(
        ctx,
        { contract, milestone, funds: after },
        {
          kind: "refund",
          amount: split.refunded,
          reason: memo,
          idempotencyKey: `dispute:${dispute.id}:refund`,
          actorId: s.resolvedBy,
          eventType: "milestone.refunded",
          statusWhenEmpty: finalStatus,
          eventData: { disputeId: dispute.id },
        },
        null,
      ).statements,
    );
  }
  const data = {
    disputeId: dispute.id,
    outcome: s.outcome,
    freelancerPercent: resolved.freelancerPercent,
    released: split.released,
    fee: split.fee,
    refunded: split.refunded,
    reason: s.note,
    byDefault: s.byDefault,
  };
  statements.push(
    contractEventStatement(ctx, {
      contractId: contract.id,
      milestoneId: milestone.id,
      type: "dispute.resolved",
      actorId: s.resolvedBy,
      data,
    }),
    auditStatement(ctx, { type: "disputes.resolved", actorId: s.resolvedBy, subjectType: "dispute", subjectId: dispute.id, data }),
  );
  return { statements, resolved, releaseId };
}

async function settle(ctx: DomainContext, row: DisputeRow, s: Settlement): Promise<Dispute> {
  const { statements, resolved, releaseId } = await settlementStatements(ctx, row, s);
  await commitMoneyBatch(ctx, statements);
  // As after every held-funds movement: the fee invoice, a credit note for the refund, and card-funded money follows at the provider.
  if (releaseId) await issueQuietly(ctx, `fee ${releaseId}`, () => issueFeeInvoice(ctx, releaseId));
  await issueRefundCreditNotes(ctx, [row.dispute.milestoneId]);
  await settleAfterMovement(ctx, [row.dispute.milestoneId]);
  await disputeNotices.resolved(ctx, row.contract, resolved, row.milestoneTitle);
  return resolved;
}

function checkDecision(decision: DisputeDecision): void {
  if (decision.outcome === "split") {
    const p = decision.freelancerPercent;
    if (typeof p !== "number" || !Number.isInteger(p) || p < 1 || p > 99) {
      throw new AppError(422, "validation_failed", "A split needs the freelancer's share as a whole percent from 1 to 99.", {
        freelancerPercent: ["Give a whole percent from 1 to 99 (use release or refund for 100 or 0)."],
      });
    }
  }
}

/**
 * An admin decides: release, refund, or a split. Repeating the same decision returns the dispute as
 * decided (nothing moves twice); a different decision on a decided dispute is refused.
 */
export async function resolveDispute(
  ctx: DomainContext,
  admin: User,
  disputeId: string,
  decision: DisputeDecision,
): Promise<{ dispute: DisputeView; replayed: boolean }> {
  if (!isAdmin(admin)) throw new AppError(403, "forbidden", "Only an admin can decide a dispute.");
  checkDecision(decision);
  const row = await loadDisputeRow(ctx, disputeId);
  if (!row) throw disputeNotFound();
  const replayOrRefuse = async (d: Dispute) => {
    if (!sameDecision(d, decision)) throw new AppError(409, "already_resolved", "This dispute was already decided.");
    return { dispute: await getDispute(ctx, admin, disputeId), replayed: true };
  };
  if (row.dispute.status === "resolved") return replayOrRefuse(row.dispute);
  try {
    await settle(ctx, row, { ...decision, note: decision.note.trim(), resolvedBy: admin.id, byDefault: false });
  } catch (error) {
    // A racing decision (another admin, or the daily run) won the contract version: answer with its result.
    if (!isChangedMeanwhile(error)) throw error;
    const again = await loadDisputeRow(ctx, disputeId);
    if (again?.dispute.status !== "resolved") throw error;
    return replayOrRefuse(again.dispute);
  }
  return { dispute: await getDispute(ctx, admin, disputeId), replayed: false };
}

/** A daily run handles at most this many; the next run picks up the rest. */
const DEFAULT_DECISION_BATCH = 200;

/** Disputes left unanswered past the deadline are decided for the side that opened them. */
export async function decideUnansweredDisputes(ctx: DomainContext): Promise<{ decided: number; failed: number }> {
  const due = await ctx.db
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.status, "open"), lte(disputes.responseDueAt, ctx.clock.now())))
    .orderBy(asc(disputes.responseDueAt))
    .limit(DEFAULT_DECISION_BATCH);
  let decided = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      const row = await loadDisputeRow(ctx, id);
      if (!row || row.dispute.status !== "open") continue;
      await settle(ctx, row, {
        outcome: defaultOutcome(row.dispute.openerRole),
        note: `No answer within ${DISPUTE_RESPONSE_DAYS} days: decided for the side that opened the dispute.`,
        resolvedBy: null,
        byDefault: true,
      });
      decided++;
    } catch (error) {
      if (isChangedMeanwhile(error)) continue;
      failed++;
      ctx.log("default dispute decision failed", { disputeId: id, error: String(error) });
    }
  }
  return { decided, failed };
}
