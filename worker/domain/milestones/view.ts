import type { Milestone } from "../../../db/schema";
import type { FileView } from "../files/records";
import { NO_FUNDS, type HeldFunds } from "../ledger/balances";

/** A submitted file as a milestone shows it; name, type and size are there when the caller looked them up. */
export type SubmissionFile = Pick<FileView, "key"> & Partial<Omit<FileView, "key">>;

/** A client who does not answer a submission within this many days approves it automatically. */
export const AUTO_APPROVE_AFTER_DAYS = 14;
export const AUTO_APPROVE_AFTER_MS = AUTO_APPROVE_AFTER_DAYS * 24 * 60 * 60 * 1000;

export function toMilestoneView(m: Milestone, funds: HeldFunds = NO_FUNDS, files: Map<string, FileView> = new Map()) {
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
    /** Handed in with the latest submission; readable by both parties. */
    submissionFiles: m.submissionFiles.map((key): SubmissionFile => files.get(key) ?? { key }),
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
