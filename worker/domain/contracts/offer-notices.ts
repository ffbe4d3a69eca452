import type { Contract } from "../../../db/schema";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";
import type { NotificationType } from "../notifications/types";
import { formatMoney } from "../contract-core/notify";
import type { ContractView } from "./view";

/** "$1,200.00 fixed price" or "$40.00 an hour, up to 20 hours a week". */
export function describeTerms(terms: Pick<ContractView, "type" | "amount" | "hourlyRate" | "weeklyHourLimit" | "currency">): string {
  if (terms.type === "fixed") return `${formatMoney(terms.amount ?? 0, terms.currency)} fixed price`;
  const rate = `${formatMoney(terms.hourlyRate ?? 0, terms.currency)} an hour`;
  return terms.weeklyHourLimit ? `${rate}, up to ${terms.weeklyHourLimit} hours a week` : rate;
}

async function tell(ctx: DomainContext, userId: string, type: NotificationType, payload: { title: string; body: string; link: string }) {
  try {
    await notify(ctx, userId, type, payload);
  } catch (error) {
    // The offer is committed; a failed notice must not undo it.
    ctx.log("offer notification failed", { userId, type, error: String(error) });
  }
}

/** The other side hears of each step of an offer, in the app, live and by email, with a link to the contract page. */
export const offerNotices = {
  sent: (ctx: DomainContext, input: { contract: ContractView; clientName: string; freelancerId: string }) =>
    tell(ctx, input.freelancerId, "offer_received", {
      title: `New offer: ${input.contract.title}`,
      body: `${input.clientName} sent you an offer for "${input.contract.project.title}": ${describeTerms(input.contract)}${
        input.contract.startDate ? `, starting ${input.contract.startDate}` : ""
      }. Accept or decline it on the offer page.`,
      link: `/contracts/${input.contract.id}`,
    }),
  declined: (ctx: DomainContext, contract: Contract, input: { freelancerName: string; title: string; reason: string | null }) =>
    tell(ctx, contract.clientId, "offer_declined", {
      title: `Offer declined: ${input.title}`,
      body: `${input.freelancerName} declined your offer.${input.reason ? ` Their reason: ${input.reason}` : ""}`,
      link: `/contracts/${contract.id}`,
    }),
};
