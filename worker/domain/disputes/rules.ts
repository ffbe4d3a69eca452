import type { DisputeOutcome } from "../../../db/schema";
import type { PartyRole } from "../contract-core/access";
import { platformFee } from "../ledger/fees";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The other side has this long to answer; silence then loses by default (applied by the daily run). */
export const DISPUTE_RESPONSE_DAYS = 5;
export const DISPUTE_RESPONSE_MS = DISPUTE_RESPONSE_DAYS * DAY_MS;
/** The platform's target for an admin decision once both sides have spoken. */
export const DISPUTE_DECISION_DAYS = 7;
export const DISPUTE_DECISION_MS = DISPUTE_DECISION_DAYS * DAY_MS;

/** Milestone states a dispute can be opened on: money is held and not yet decided. */
export const DISPUTABLE_MILESTONE_STATUSES = ["funded", "submitted", "changes_requested"] as const;

/** Silence loses: the opener's own claim wins (the freelancer wants payment, the client wants the money back). */
export function defaultOutcome(openerRole: PartyRole): DisputeOutcome {
  return openerRole === "freelancer" ? "release" : "refund";
}

export interface DisputeSplit {
  /** Gross amount released to the freelancer (the platform fee comes out of it). */
  released: number;
  fee: number;
  /** What the freelancer's balance receives: released - fee. */
  freelancerNet: number;
  refunded: number;
}

/**
 * How a resolution divides the held amount. A split gives the freelancer floor(held × percent / 100) gross
 * (rounded down, in BigInt) and the client the rest, so released + refunded = held exactly; the platform fee
 * on the released part is rounded up as on every release (decision 011).
 */
export function splitHeld(held: number, outcome: DisputeOutcome, freelancerPercent?: number | null): DisputeSplit {
  if (!Number.isSafeInteger(held) || held < 0) throw new Error(`Held amount must be whole minor units: ${held}`);
  let released: number;
  if (outcome === "release") released = held;
  else if (outcome === "refund") released = 0;
  else {
    const percent = freelancerPercent ?? NaN;
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new Error(`Split percent out of range: ${percent}`);
    released = Number((BigInt(held) * BigInt(percent)) / 100n);
  }
  const fee = platformFee(released);
  return { released, fee, freelancerNet: released - fee, refunded: held - released };
}

/** The share of the held amount the freelancer was given, in percent, for any outcome. */
export function freelancerPercentOf(outcome: DisputeOutcome, freelancerPercent: number | null): number {
  return outcome === "release" ? 100 : outcome === "refund" ? 0 : (freelancerPercent ?? 0);
}

/** A dispute the freelancer lost: everything refunded, or a split that gave them less than half. */
export function freelancerLost(outcome: DisputeOutcome | null, freelancerPercent: number | null): boolean {
  if (!outcome) return false;
  return freelancerPercentOf(outcome, freelancerPercent) < 50;
}
