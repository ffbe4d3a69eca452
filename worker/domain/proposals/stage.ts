import type { ProposalStatus } from "../../../db/schema";
import type { ProposalView } from "./views";

/**
 * The freelancer's words for where a proposal stands: "hired" is a proposal the client chose (stored as
 * "accepted"), whatever became of its offer since; the contract tells that part.
 */
export const MY_PROPOSAL_STAGES = ["pending", "shortlisted", "declined", "withdrawn", "hired"] as const;
export type MyProposalStage = (typeof MY_PROPOSAL_STAGES)[number];

export function stageOf(status: ProposalStatus): MyProposalStage {
  return status === "accepted" ? "hired" : status;
}

/** A freelancer's own proposal as they see it: its stage, and its contract once hired. */
export type MyProposalItem = ProposalView & { stage: MyProposalStage; contract: { id: string; status: string } | null };
