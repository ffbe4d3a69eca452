import type { Contract, Timesheet } from "../../../db/schema";
import { formatMoney } from "../contracts/notify";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";
import type { NotificationType } from "../notifications/types";
import { formatMinutes, isoWeekLabel } from "./weeks";

/** Tells a party after the change is committed; a failed notice never undoes it. */
async function tell(ctx: DomainContext, userId: string, type: NotificationType, title: string, body: string, contract: Contract) {
  try {
    await notify(ctx, userId, type, { title, body, link: `/contracts/${contract.id}/time` });
  } catch (error) {
    ctx.log("timesheet notification failed", { userId, type, error: String(error) });
  }
}

const week = (t: Timesheet) => `${isoWeekLabel(t.weekStart)} (${formatMinutes(t.minutes)}, ${formatMoney(t.amount, t.currency)})`;

export const timesheetNotices = {
  submitted: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.clientId,
      "milestone_submitted",
      `Timesheet submitted: ${isoWeekLabel(t.weekStart)}`,
      `The freelancer submitted ${week(t)} for your approval.`,
      contract,
    ),
  approved: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.freelancerId,
      "milestone_approved",
      `Timesheet approved: ${isoWeekLabel(t.weekStart)}`,
      t.autoApproved
        ? `${week(t)} was approved automatically after the review period and paid to your balance, less the platform fee.`
        : `The client approved ${week(t)}; it was paid to your balance, less the platform fee.`,
      contract,
    ),
  disputed: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.freelancerId,
      "milestone_changes_requested",
      `Timesheet disputed: ${isoWeekLabel(t.weekStart)}`,
      `The client disputed ${week(t)}: ${t.disputeReason ?? ""}`,
      contract,
    ),
};
