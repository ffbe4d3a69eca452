import type { Contract, Dispute } from "../../../db/schema";
import { formatMoney } from "../contracts/notify";
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
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Told after the change is committed; a failed notice never undoes it. */
export const disputeNotices = {
  opened: (ctx: DomainContext, c: Contract, d: Dispute, milestoneTitle: string) =>
    Promise.all([
      tell(
        ctx,
        [otherSide(c, d)],
        "dispute_opened",
        `Dispute opened: ${milestoneTitle}`,
        `The ${d.openerRole} opened a dispute over ${formatMoney(d.amount, d.currency)}. The funds are frozen. Answer by ${day(d.responseDueAt)} (UTC), or the dispute is decided for the ${d.openerRole}.`,
        link(d),
      ),
      tell(
        ctx,
        [d.openedBy],
        "dispute_opened",
        `You opened a dispute: ${milestoneTitle}`,
        `The other side has until ${day(d.responseDueAt)} (UTC) to answer; then an admin decides.`,
        link(d),
      ),
    ]),
  answered: (ctx: DomainContext, d: Dispute, milestoneTitle: string) =>
    tell(
      ctx,
      [d.openedBy],
      "dispute_answered",
      `Dispute answered: ${milestoneTitle}`,
      `The other side answered your dispute. An admin will decide${d.decisionDueAt ? ` by ${day(d.decisionDueAt)} (UTC)` : ""}.`,
      link(d),
    ),
  resolved: (ctx: DomainContext, c: Contract, d: Dispute, milestoneTitle: string) => {
    const split = splitHeld((d.releasedAmount ?? 0) + (d.refundedAmount ?? 0), d.outcome ?? "refund", d.freelancerPercent);
    const how = d.resolvedByDefault ? "No answer came in time, so it was decided by default" : "An admin decided it";
    const body = `${how}: ${formatMoney(split.released, d.currency)} released to the freelancer (less a ${formatMoney(split.fee, d.currency)} fee), ${formatMoney(split.refunded, d.currency)} refunded to the client.`;
    return tell(ctx, [c.clientId, c.freelancerId], "dispute_resolved", `Dispute decided: ${milestoneTitle}`, body, link(d));
  },
};
