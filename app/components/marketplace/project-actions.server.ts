import type { User } from "../../../db/schema";
import type { DomainContext } from "../../../worker/domain/context";
import { AppError } from "../../../worker/domain/errors";
import { saveProject, unsaveProject } from "../../../worker/domain/favorites/favorites";
import type { ProjectView } from "../../../worker/domain/projects/views";
import { acceptProposal, declineProposal, shortlistProposal } from "../../../worker/domain/proposals/decide";
import { sendProposal } from "../../../worker/domain/proposals/send";
import { closeProject, reopenProject } from "../../../worker/domain/projects/projects";
import { toMinorUnits } from "../../utils/money";
import type { ProjectPageIntent } from "./project-intents";

export type ProjectPageOutcome =
  | { intent: "send-proposal"; notice: string; proposalId: string }
  | { intent: "accept"; notice: string; contractId: string }
  | { intent: "decline" | "shortlist" | "save" | "unsave" | "close" | "reopen"; notice: string; saved?: boolean };

/** A bid typed in major units, as exact minor units; a field error when it is not a positive amount. */
export function bidInMinorUnits(typed: string, currency: string): number {
  const bidAmount = toMinorUnits(typed, currency);
  if (bidAmount === null || bidAmount < 1) {
    throw new AppError(422, "invalid_amount", "Check the bid amount.", {
      bidAmount: [`Enter a positive amount in ${currency} with at most the currency's decimals.`],
    });
  }
  return bidAmount;
}

/** Runs one intent of the project page; the domain checks who may do what, this only translates the form. */
export async function runProjectIntent(
  ctx: DomainContext,
  actor: User,
  project: Pick<ProjectView, "id" | "currency">,
  value: ProjectPageIntent,
): Promise<ProjectPageOutcome> {
  switch (value.intent) {
    case "send-proposal": {
      const bidAmount = bidInMinorUnits(value.bidAmount, project.currency);
      const proposal = await sendProposal(ctx, actor, project.id, {
        coverLetter: value.coverLetter,
        bidAmount,
        estimatedDays: value.estimatedDays ?? undefined,
        weeklyHours: value.weeklyHours ?? undefined,
      });
      return { intent: value.intent, notice: "Your proposal was sent. The client has been notified.", proposalId: proposal.id };
    }
    case "accept": {
      const { contract } = await acceptProposal(ctx, actor, value.proposalId);
      return { intent: value.intent, notice: "Proposal accepted. A contract offer was created.", contractId: contract.id };
    }
    case "decline":
      await declineProposal(ctx, actor, value.proposalId, value.reason);
      return { intent: value.intent, notice: "Proposal declined. The freelancer has been told." };
    case "shortlist":
      await shortlistProposal(ctx, actor, value.proposalId);
      return { intent: value.intent, notice: "Proposal shortlisted." };
    case "save":
      await saveProject(ctx, actor, project.id);
      return { intent: value.intent, notice: "Project saved to your list.", saved: true };
    case "unsave":
      await unsaveProject(ctx, actor, project.id);
      return { intent: value.intent, notice: "Project removed from your saved list.", saved: false };
    case "close":
      await closeProject(ctx, actor, project.id);
      return { intent: value.intent, notice: "The project is closed; it takes no more proposals." };
    case "reopen":
      await reopenProject(ctx, actor, project.id);
      return { intent: value.intent, notice: "The project is open again: it takes proposals and you can hire more people." };
    default:
      return value satisfies never;
  }
}
