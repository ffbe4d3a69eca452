import type { Tone } from "../ui/badge";

export type ProposalStage = "pending" | "shortlisted" | "declined" | "withdrawn" | "hired";

/** Where a freelancer's proposal stands, in their words; a hired one is told apart by its contract. */
export function stageLabel(stage: ProposalStage, contractStatus: string | null): { label: string; tone: Tone } {
  if (stage === "hired") {
    if (contractStatus === "offered") return { label: "Offer received", tone: "warning" };
    if (contractStatus === "declined") return { label: "Offer declined", tone: "neutral" };
    if (contractStatus === "ended") return { label: "Hired · ended", tone: "neutral" };
    return { label: "Hired", tone: "success" };
  }
  const labels: Record<Exclude<ProposalStage, "hired">, { label: string; tone: Tone }> = {
    pending: { label: "Pending", tone: "neutral" },
    shortlisted: { label: "Shortlisted", tone: "brand" },
    declined: { label: "Declined", tone: "danger" },
    withdrawn: { label: "Withdrawn", tone: "warning" },
  };
  return labels[stage];
}

export const STAGE_TABS: Array<{ stage: ProposalStage | "all"; label: string }> = [
  { stage: "all", label: "All" },
  { stage: "pending", label: "Pending" },
  { stage: "shortlisted", label: "Shortlisted" },
  { stage: "hired", label: "Hired" },
  { stage: "declined", label: "Declined" },
  { stage: "withdrawn", label: "Withdrawn" },
];
