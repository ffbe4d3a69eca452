import { z } from "zod";
import type { User } from "../../db/schema";
import type { DomainContext } from "../../worker/domain/context";
import { approveTimesheet } from "../../worker/domain/hourly/approve";
import { addManualEntry, deleteEntry, listEntries } from "../../worker/domain/hourly/entries";
import { hourlyContractForParty } from "../../worker/domain/hourly/access";
import { entryMemo, requireWeek, timesheetDisputeReason } from "../../worker/domain/hourly/inputs";
import { startTimer, stopTimer } from "../../worker/domain/hourly/timer";
import { disputeTimesheet, listTimesheets, submitTimesheet } from "../../worker/domain/hourly/timesheets";
import { localDate, parseWeek } from "../../worker/domain/time/weeks";

const id = z.string().min(1).max(64);
const memo = entryMemo.optional();

/** Every button on the time page; one schema, handled by one switch. */
export const timeIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), memo }),
  z.object({ intent: z.literal("stop"), memo }),
  z.object({
    intent: z.literal("add"),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date."),
    hours: z.coerce.number().int("Whole hours.").min(0, "Hours can't be negative.").max(24, "At most 24 hours."),
    minutes: z.coerce.number().int("Whole minutes.").min(0, "Minutes can't be negative.").max(59, "Use 0 to 59 minutes."),
    memo,
  }),
  z.object({ intent: z.literal("delete"), entryId: id }),
  z.object({ intent: z.literal("submit"), week: z.string().max(20) }),
  z.object({ intent: z.literal("approve"), timesheetId: id }),
  z.object({
    intent: z.literal("dispute"),
    timesheetId: id,
    reason: timesheetDisputeReason,
  }),
]);
export type TimeIntent = z.infer<typeof timeIntentSchema>;

export async function loadTimePage(ctx: DomainContext, userId: string, contractId: string, search: URLSearchParams) {
  const access = await hourlyContractForParty(ctx, contractId, userId);
  const week = search.get("week") ? parseWeek(search.get("week") as string) : null;
  const [entries, sheets] = await Promise.all([
    listEntries(ctx, userId, contractId, { week: week ?? undefined, limit: 50, cursor: search.get("cursor") ?? undefined }),
    listTimesheets(ctx, userId, contractId, { limit: 20, cursor: search.get("sheets") ?? undefined }),
  ]);
  return {
    contract: {
      id: access.contract.id,
      status: access.contract.status,
      currency: access.contract.currency,
      title: access.projectTitle,
      hourlyRate: access.terms.hourlyRate as number,
      weeklyHourLimit: access.terms.weeklyHourLimit,
      /** Weeks and days are the freelancer's, in this zone. */
      weekZone: access.weekZone,
      /** Today in the freelancer's zone: the latest day time can be logged for. */
      today: localDate(ctx.clock.now(), access.weekZone),
    },
    role: access.role,
    entries,
    sheets,
  };
}

export async function runTimeIntent(ctx: DomainContext, actor: User, contractId: string, intent: TimeIntent) {
  switch (intent.intent) {
    case "start":
      return startTimer(ctx, actor, contractId, { memo: intent.memo });
    case "stop":
      return stopTimer(ctx, actor, contractId, { memo: intent.memo });
    case "add":
      return addManualEntry(ctx, actor, contractId, { date: intent.date, minutes: intent.hours * 60 + intent.minutes, memo: intent.memo });
    case "delete":
      return deleteEntry(ctx, actor, intent.entryId);
    case "submit":
      return submitTimesheet(ctx, actor, contractId, requireWeek(intent.week));
    case "approve":
      return approveTimesheet(ctx, actor, intent.timesheetId, {});
    case "dispute":
      return disputeTimesheet(ctx, actor, intent.timesheetId, { reason: intent.reason });
    default:
      return intent satisfies never;
  }
}
