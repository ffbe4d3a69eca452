import type { Contract, Timesheet } from "../../../db/schema";
import { formatMoney } from "../currency/format";
import { platformFee } from "../ledger/fees";
import type { DomainContext } from "../context";
import { notify } from "../notifications/notify";
import type { NotificationType } from "../notifications/types";
import { formatMinutes, isoWeekLabel } from "../time/weeks";

/** Tells a party after the change is committed; a failed notice never undoes it. */
async function tell(ctx: DomainContext, userId: string, type: NotificationType, title: string, body: string, contract: Contract) {
  try {
    await notify(ctx, userId, type, { title, body, link: `/contracts/${contract.id}/time` });
  } catch (error) {
    ctx.log("timesheet notification failed", { userId, type, error: String(error) });
  }
}

/** What reached the freelancer's balance: the week's amount less the platform fee, both named. */
const paidText = (t: Timesheet) => {
  const fee = platformFee(t.amount);
  return `${formatMoney(t.amount - fee, t.currency)} was paid to your balance (${formatMoney(t.amount, t.currency)} less the ${formatMoney(fee, t.currency)} platform fee)`;
};

const week = (t: Timesheet) => `${isoWeekLabel(t.weekStart)} (${formatMinutes(t.minutes)}, ${formatMoney(t.amount, t.currency)})`;

export const timesheetNotices = {
  submitted: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.clientId,
      "timesheet_submitted",
      `Timesheet submitted: ${isoWeekLabel(t.weekStart)}`,
      `The freelancer submitted ${week(t)} for your approval.`,
      contract,
    ),
  approved: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.freelancerId,
      "timesheet_approved",
      `Timesheet approved and paid: ${isoWeekLabel(t.weekStart)}`,
      `${t.autoApproved ? `${week(t)} was approved automatically after the review period` : `The client approved ${week(t)}`}: the hours were charged to the client and ${paidText(t)}.`,
      contract,
    ),
  disputed: (ctx: DomainContext, contract: Contract, t: Timesheet) =>
    tell(
      ctx,
      contract.freelancerId,
      "timesheet_disputed",
      `Timesheet disputed: ${isoWeekLabel(t.weekStart)}`,
      `The client disputed ${week(t)}: ${t.disputeReason ?? ""}`,
      contract,
    ),
};
