import type { Dispute } from "../../../db/schema";
import type { FileView } from "../shared/file-records";
import { decisionText, milestoneStatusLabel, statusAfterDecision } from "../ledger/outcome";
import { splitHeld } from "./rules";

export type DisputeViewerRole = "client" | "freelancer" | "admin";

export interface DisputeViewExtras {
  milestoneTitle: string;
  projectTitle: string;
  files: Map<string, FileView>;
  viewerRole: DisputeViewerRole;
  now: Date;
}

const files = (keys: string[] | null, all: Map<string, FileView>) =>
  (keys ?? []).map((k) => all.get(k)).filter((f): f is FileView => Boolean(f));

export function toDisputeView(d: Dispute, x: DisputeViewExtras) {
  const split = d.outcome ? splitHeld((d.releasedAmount ?? 0) + (d.refundedAmount ?? 0), d.outcome, d.freelancerPercent) : null;
  const responderRole = d.openerRole === "client" ? "freelancer" : "client";
  return {
    id: d.id,
    contractId: d.contractId,
    milestoneId: d.milestoneId,
    milestoneTitle: x.milestoneTitle,
    projectTitle: x.projectTitle,
    status: d.status,
    openedBy: d.openedBy,
    openerRole: d.openerRole,
    reason: d.reason,
    evidence: files(d.evidence, x.files),
    amount: d.amount,
    currency: d.currency,
    responseDueAt: d.responseDueAt.toISOString(),
    response: d.respondedAt
      ? {
          statement: d.responseStatement ?? "",
          evidence: files(d.responseEvidence, x.files),
          respondedBy: d.respondedBy,
          respondedAt: d.respondedAt.toISOString(),
        }
      : null,
    decisionDueAt: d.decisionDueAt?.toISOString() ?? null,
    resolution:
      d.outcome && d.resolvedAt && split
        ? {
            outcome: d.outcome,
            /** The outcome in the words of the milestone's state ("Split: €80.00 released, €120.00 refunded"). */
            label: milestoneStatusLabel(statusAfterDecision(split.released, split.refunded), { ...split, currency: d.currency }),
            /** The decision in one sentence, the same on the contract page, in notifications and e-mails. */
            text: decisionText(d.resolvedByDefault ? "default" : "support", { ...split, currency: d.currency }),
            freelancerPercent: d.freelancerPercent,
            releasedAmount: split.released,
            fee: split.fee,
            freelancerNet: split.freelancerNet,
            refundedAmount: split.refunded,
            note: d.resolutionNote,
            byDefault: d.resolvedByDefault,
            resolvedBy: d.resolvedBy,
            resolvedAt: d.resolvedAt.toISOString(),
          }
        : null,
    viewerRole: x.viewerRole,
    /** True when the viewer is the side that still has to answer, in time. */
    canRespond: d.status === "open" && x.viewerRole === responderRole && x.now < d.responseDueAt,
    createdAt: d.createdAt.toISOString(),
  };
}
export type DisputeView = ReturnType<typeof toDisputeView>;
