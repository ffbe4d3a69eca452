import type { Milestone } from "../../../db/schema";
import { NO_FUNDS, type HeldFunds } from "../ledger/balances";

/** A client who does not answer a submission within this many days approves it automatically. */
export const AUTO_APPROVE_AFTER_DAYS = 14;
export const AUTO_APPROVE_AFTER_MS = AUTO_APPROVE_AFTER_DAYS * 24 * 60 * 60 * 1000;

export function toMilestoneView(m: Milestone, funds: HeldFunds = NO_FUNDS) {
  return {
    id: m.id,
    contractId: m.contractId,
    position: m.position,
    title: m.title,
    amount: m.amount,
    currency: m.currency,
    dueDate: m.dueDate,
    status: m.status,
    /** Funds held for this milestone, and what already went out of them. */
    funds: { funded: funds.funded, held: funds.held, released: funds.released, refunded: funds.refunded },
    submissionMessage: m.submissionMessage,
    changesMessage: m.changesMessage,
    fundedAt: m.fundedAt?.toISOString() ?? null,
    submittedAt: m.submittedAt?.toISOString() ?? null,
    approvedAt: m.approvedAt?.toISOString() ?? null,
    autoApproved: m.autoApproved,
    autoApproveAt:
      m.status === "submitted" && m.submittedAt ? new Date(m.submittedAt.getTime() + AUTO_APPROVE_AFTER_MS).toISOString() : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
export type MilestoneView = ReturnType<typeof toMilestoneView>;
