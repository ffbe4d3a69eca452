import type { Milestone } from "../../../db/schema";
import { chargedView } from "../currency/charged";
import type { FileView } from "../shared/file-records";
import { NO_FUNDS, type HeldFunds } from "../ledger/balances";
import type { MilestoneFacts } from "./facts";
import { decisionText, isSettled, milestoneStatusLabel } from "../ledger/outcome";

/** A submitted file as a milestone shows it; name, type and size are there when the caller looked them up. */
export type SubmissionFile = Pick<FileView, "key"> & Partial<Omit<FileView, "key">>;

/** A client who does not answer a submission within this many days approves it automatically. */
export const AUTO_APPROVE_AFTER_DAYS = 14;
export const AUTO_APPROVE_AFTER_MS = AUTO_APPROVE_AFTER_DAYS * 24 * 60 * 60 * 1000;

const NO_FACTS: MilestoneFacts = { decision: null, payment: null };

export function toMilestoneView(
  m: Milestone,
  funds: HeldFunds = NO_FUNDS,
  facts: MilestoneFacts = NO_FACTS,
  files: Map<string, FileView> = new Map(),
) {
  const amounts = { released: funds.released, refunded: funds.refunded, currency: m.currency };
  const { decision, payment } = facts;
  return {
    id: m.id,
    contractId: m.contractId,
    position: m.position,
    title: m.title,
    amount: m.amount,
    currency: m.currency,
    dueDate: m.dueDate,
    status: m.status,
    /** The status in words, the same on every page, e-mail and document (worker/domain/ledger/outcome.ts). */
    statusLabel: milestoneStatusLabel(m.status, amounts),
    /** Where the money went, once nothing is held any more: gross to the freelancer, and back to the client. */
    outcome: isSettled(m.status) ? { released: funds.released, refunded: funds.refunded } : null,
    /** Set when a dispute decision settled the milestone: who decided, and the decision in words. */
    decision: decision
      ? {
          disputeId: decision.disputeId,
          by: decision.by,
          text: decisionText(decision.by, { released: decision.released, refunded: decision.refunded, currency: m.currency }),
        }
      : null,
    /** Set when the client paid in another currency: what was charged (and given back) in it, at the locked rate. */
    charged: payment ? chargedView(payment, funds.refunded) : null,
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
