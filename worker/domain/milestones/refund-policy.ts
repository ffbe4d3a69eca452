import type { Contract, Milestone } from "../../../db/schema";
import type { PartyRole } from "../contract-core/access";
import { AppError } from "../errors";

/** Who asks for a refund: a contract party, or the outcome of a dispute (an admin's or the default decision). */
export type RefundRequester = { kind: "party"; role: PartyRole } | { kind: "dispute" };

/**
 * The one place that decides whether held funds may go back to the client. In this part only the client
 * may ask, and only before work was submitted; dispute outcomes and admin refunds extend this function
 * (a new `RefundRequester` kind) rather than bypassing it.
 */
export function refundRefusal(requester: RefundRequester, contract: Contract, milestone: Milestone): AppError | null {
  if (requester.kind === "dispute") return disputeRefundRefusal(contract, milestone);
  if (requester.role !== "client") return new AppError(403, "wrong_party", "Only the client can ask for a refund.");
  if (contract.status !== "offered" && contract.status !== "active") {
    return new AppError(409, "invalid_state", "This contract is closed, so nothing can be refunded on it.");
  }
  if (milestone.status !== "funded") {
    return new AppError(
      409,
      "invalid_state",
      milestone.status === "submitted" || milestone.status === "changes_requested"
        ? "Work was already submitted for this milestone: approve it, release part of it, or ask for changes."
        : "Nothing is held for this milestone to refund.",
    );
  }
  return null;
}

/** A dispute outcome may refund held funds of an active contract whether or not work was submitted. */
function disputeRefundRefusal(contract: Contract, milestone: Milestone): AppError | null {
  if (contract.status !== "active") return new AppError(409, "invalid_state", "This contract is closed, so nothing can be refunded on it.");
  if (!["funded", "submitted", "changes_requested"].includes(milestone.status)) {
    return new AppError(409, "invalid_state", "Nothing is held for this milestone to refund.");
  }
  return null;
}
