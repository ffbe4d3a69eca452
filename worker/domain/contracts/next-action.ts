import type { ContractStatus, ContractType, MilestoneStatus } from "../../../db/schema";
import type { PartyRole } from "../contract-core/access";

/** What happens next on a contract, and whose move it is: the viewer's ("you") or the other side's ("other"). */
export interface NextAction {
  label: string;
  by: "you" | "other" | "nobody";
}

export interface NextActionFacts {
  status: ContractStatus | string;
  type: ContractType;
  role: PartyRole;
  /** How many of the contract's milestones are in each status. */
  milestones: Partial<Record<MilestoneStatus, number>>;
  /** Timesheets waiting for the client's approval. */
  submittedTimesheets: number;
  /** Whether the viewer already reviewed the ended contract. */
  reviewed: boolean;
}

const you = (label: string): NextAction => ({ label, by: "you" });
const other = (label: string): NextAction => ({ label, by: "other" });

function fixedPriceStep(role: PartyRole, m: NextActionFacts["milestones"]): NextAction {
  const has = (status: MilestoneStatus) => (m[status] ?? 0) > 0;
  if (role === "client") {
    if (has("submitted")) return you("Review submitted work");
    if (has("pending")) return you("Fund the next milestone");
    if (has("funded") || has("changes_requested")) return other("Freelancer is working");
    return you("Add a milestone or end the contract");
  }
  if (has("changes_requested")) return you("Make the requested changes");
  if (has("funded")) return you("Submit your work");
  if (has("submitted")) return other("Client is reviewing your work");
  if (has("pending")) return other("Waiting for the client to fund a milestone");
  return other("Waiting for the client to plan the next milestone");
}

/** The one rule for "next action" on a contract, shown on both sides' contract lists. */
export function nextAction(facts: NextActionFacts): NextAction {
  const { role } = facts;
  switch (facts.status) {
    case "offered":
      return role === "freelancer" ? you("Accept or decline the offer") : other("Waiting for the freelancer to answer");
    case "active":
      if (facts.type === "fixed") return fixedPriceStep(role, facts.milestones);
      if (role === "client") return facts.submittedTimesheets > 0 ? you("Approve the timesheet") : other("Freelancer is logging hours");
      return you("Log your hours");
    case "ended":
      return facts.reviewed ? { label: "Closed", by: "nobody" } : you("Leave a review");
    case "declined":
      return { label: "Offer declined", by: "nobody" };
    default:
      return { label: "Nothing to do", by: "nobody" };
  }
}
