import type { DisputeOutcome, MilestoneStatus } from "../../../db/schema";
import { formatMoney } from "../currency/format";

/**
 * How a milestone ended and who decided it, in the words every channel uses: the contract page, the dispute
 * page, notifications and e-mails, credit notes and the API (`statusLabel`, `decision.text`).
 */

/** Who speaks for the platform when a person at MegiLance decided (an admin resolving a dispute). */
export const SUPPORT_NAME = "MegiLance support";

/** Statuses in which nothing is held any more and the money went its final way. */
export const SETTLED_MILESTONE_STATUSES = ["approved", "released", "split", "refunded"] as const satisfies readonly MilestoneStatus[];

export function isSettled(status: string): status is (typeof SETTLED_MILESTONE_STATUSES)[number] {
  return (SETTLED_MILESTONE_STATUSES as readonly string[]).includes(status);
}

export interface OutcomeAmounts {
  /** Gross amount that went to the freelancer (before the platform fee), minor units. */
  released: number;
  /** Amount that went back to the client, minor units. */
  refunded: number;
  currency: string;
}

/** A dispute decided the milestone: by an admin ("support") or by default when the other side never answered. */
export interface MilestoneDecision {
  disputeId: string;
  by: "support" | "default";
}

/** The milestone's final status after a dispute decision moved its held funds. */
export function statusAfterDecision(released: number, refunded: number): Extract<MilestoneStatus, "released" | "split" | "refunded"> {
  if (released > 0 && refunded > 0) return "split";
  return released > 0 ? "released" : "refunded";
}

const SIMPLE_LABELS: Record<Exclude<MilestoneStatus, "split" | "refunded">, string> = {
  pending: "Not funded yet",
  funded: "Funded",
  submitted: "Submitted for review",
  changes_requested: "Changes requested",
  approved: "Approved and paid",
  released: "Released in full",
  cancelled: "Cancelled",
};

/** "Split: €80.00 released, €120.00 refunded". */
export function splitText(a: OutcomeAmounts): string {
  return `Split: ${formatMoney(a.released, a.currency)} released, ${formatMoney(a.refunded, a.currency)} refunded`;
}

/** The milestone's state in a few words; a split names both parts. */
export function milestoneStatusLabel(status: MilestoneStatus | string, a: OutcomeAmounts): string {
  if (status === "split") return splitText(a);
  if (status === "refunded") return a.released > 0 ? splitText(a) : "Refunded in full";
  return SIMPLE_LABELS[status as keyof typeof SIMPLE_LABELS] ?? status;
}

/** What a dispute outcome is called, in the same words as the milestone states it leads to. */
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = {
  release: "Released in full",
  refund: "Refunded in full",
  split: "Split",
};

/** Who decided, as a phrase: "MegiLance support decided" or "Decided by default (no answer in time)". */
export function deciderText(by: MilestoneDecision["by"]): string {
  return by === "support" ? `${SUPPORT_NAME} decided` : "Decided by default, as no answer came in time";
}

/**
 * The decision in one sentence, the same for both sides:
 * "MegiLance support decided: €80.00 released to the freelancer, €120.00 refunded to the client."
 */
export function decisionText(by: MilestoneDecision["by"], a: OutcomeAmounts): string {
  const released = formatMoney(a.released, a.currency);
  const refunded = formatMoney(a.refunded, a.currency);
  const what =
    a.released > 0 && a.refunded > 0
      ? `${released} released to the freelancer, ${refunded} refunded to the client`
      : a.released > 0
        ? `all ${released} released to the freelancer`
        : `all ${refunded} refunded to the client`;
  return `${deciderText(by)}: ${what}.`;
}
