import type { Contract, Dispute } from "../../../db/schema";
import { formatMoney } from "../currency/format";
import { decisionText, SUPPORT_NAME } from "../ledger/outcome";
import { formatDateTime } from "../time/format";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";
import type { NotificationType } from "../notifications/types";
import { splitHeld } from "./rules";

async function tell(ctx: DomainContext, userIds: string[], type: NotificationType, title: string, body: string, link: string) {
  for (const userId of userIds) {
    try {
      await notify(ctx, userId, type, { title, body, link });
    } catch (error) {
      ctx.log("dispute notification failed", { userId, type, error: String(error) });
    }
  }
}

const link = (d: Dispute) => `/disputes/${d.id}`;
const otherSide = (c: Contract, d: Dispute) => (d.openerRole === "client" ? c.freelancerId : c.clientId);
// E-mails cannot know the reader's zone: the shared format writes UTC and says so.
const day = (date: Date) => formatDateTime(date);

/** Told after the change is committed; a failed notice never undoes it. */
export const disputeNotices = {
  opened: (ctx: DomainContext, c: Contract, d: Dispute, milestoneTitle: string) =>
    Promise.all([
      tell(
        ctx,
        [otherSide(c, d)],
        "dispute_opened",
        `Dispute opened: ${milestoneTitle}`,
        `The ${d.openerRole} opened a dispute over ${formatMoney(d.amount, d.currency)}. The funds are frozen. Answer by ${day(d.responseDueAt)}, or the dispute is decided for the ${d.openerRole}.`,
        link(d),
      ),
      tell(
        ctx,
        [d.openedBy],
        "dispute_opened",
        `You opened a dispute: ${milestoneTitle}`,
        `The other side has until ${day(d.responseDueAt)} to answer; then ${SUPPORT_NAME} decides.`,
        link(d),
      ),
    ]),
  answered: (ctx: DomainContext, d: Dispute, milestoneTitle: string) =>
    tell(
      ctx,
      [d.openedBy],
      "dispute_answered",
      `Dispute answered: ${milestoneTitle}`,
      `The other side answered your dispute. ${SUPPORT_NAME} will decide${d.decisionDueAt ? ` by ${day(d.decisionDueAt)}` : ""}.`,
      link(d),
    ),
  resolved: (ctx: DomainContext, c: Contract, d: Dispute, milestoneTitle: string) => {
    const split = splitHeld((d.releasedAmount ?? 0) + (d.refundedAmount ?? 0), d.outcome ?? "refund", d.freelancerPercent);
    // The same sentence as the contract page, the dispute page and the milestone's API view.
    const decided = decisionText(d.resolvedByDefault ? "default" : "support", { ...split, currency: d.currency });
    const fee =
      split.released > 0
        ? ` The freelancer receives ${formatMoney(split.freelancerNet, d.currency)} after the ${formatMoney(split.fee, d.currency)} platform fee.`
        : "";
    const body = `${decided}${fee}`;
    return tell(ctx, [c.clientId, c.freelancerId], "dispute_resolved", `Dispute decided: ${milestoneTitle}`, body, link(d));
  },
};
