import type { Contract, Milestone } from "../../../db/schema";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";
import type { NotificationType } from "../notifications/types";

import { formatMoney } from "../currency/format";

export { formatMoney };

/** Tells a party about a change after it is committed; a failed notice never undoes the change. */
async function tell(ctx: DomainContext, userId: string, type: NotificationType, title: string, body: string, link: string) {
  try {
    await notify(ctx, userId, type, { title, body, link });
  } catch (error) {
    ctx.log("contract notification failed", { userId, type, error: String(error) });
  }
}

const contractLink = (contract: Contract) => `/contracts/${contract.id}`;

export const contractNotices = {
  accepted: (ctx: DomainContext, contract: Contract, title: string, type: "fixed" | "hourly") =>
    tell(
      ctx,
      contract.clientId,
      "contract_accepted",
      `Offer accepted: ${title}`,
      type === "fixed"
        ? "The freelancer accepted your offer and the contract is active. Fund the first milestone so work can begin."
        : "The freelancer accepted your offer and the contract is active. Their hours show up as weekly timesheets for you to approve.",
      contractLink(contract),
    ),
  funded: (ctx: DomainContext, contract: Contract, m: Milestone) =>
    tell(
      ctx,
      contract.freelancerId,
      "milestone_funded",
      `Milestone funded: ${m.title}`,
      `${formatMoney(m.amount, m.currency)} is now held for "${m.title}". It is paid to you when the client approves your work.`,
      contractLink(contract),
    ),
  submitted: (ctx: DomainContext, contract: Contract, m: Milestone) =>
    tell(
      ctx,
      contract.clientId,
      "milestone_submitted",
      `Work submitted: ${m.title}`,
      `The freelancer submitted "${m.title}" for your review.`,
      contractLink(contract),
    ),
  approved: (ctx: DomainContext, contract: Contract, m: Milestone, auto: boolean) =>
    tell(
      ctx,
      contract.freelancerId,
      "milestone_approved",
      `Milestone approved: ${m.title}`,
      auto
        ? `"${m.title}" was approved automatically after the review period, and its funds were released to your balance.`
        : `The client approved "${m.title}", and its funds were released to your balance.`,
      contractLink(contract),
    ),
  ended: (ctx: DomainContext, contract: Contract, input: { by: "client" | "freelancer"; title: string; reason: string }) =>
    tell(
      ctx,
      input.by === "client" ? contract.freelancerId : contract.clientId,
      "contract_ended",
      `Contract ended: ${input.title}`,
      `The ${input.by} ended the contract. Their reason: ${input.reason} Funds still held for milestones not yet submitted go back to the client. Leave a review on the contract page.`,
      contractLink(contract),
    ),
  changesRequested: (ctx: DomainContext, contract: Contract, m: Milestone, message: string) =>
    tell(
      ctx,
      contract.freelancerId,
      "milestone_changes_requested",
      `Changes requested: ${m.title}`,
      `The client asked for changes: ${message}`,
      contractLink(contract),
    ),
};
