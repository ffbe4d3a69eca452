import { and, desc, eq, lt } from "drizzle-orm";
import { timeEntries, timesheets, type User } from "../../../db/schema";
import { requireParty } from "../contract-core/access";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { wrongState } from "../milestones/access";
import {
  entryForParty,
  hourlyContractForParty,
  minutesInWeek,
  remainingMinutes,
  requireTimeLogger,
  requireWeekOpen,
  requireWithinLimit,
  translateTimeError,
  type HourlyAccess,
} from "./access";
import { stopTimerAtLimit, timerStopsAt } from "./timer";
import { entryChangeInput, manualEntryInput, type EntryChangeInput, type ManualEntryInput } from "./inputs";
import { parseInput } from "../shared/validate";
import { runningTimer, toTimeEntryView, type TimeEntryView } from "./entry-view";
import { addDays, isoWeekLabel, localDate, weekStartAt, weekStartOf } from "../time/weeks";

export const TIME_ENTRY_PAGE_MAX = 100;

function requireActive(access: HourlyAccess): void {
  if (access.contract.status !== "active") throw wrongState("Time can only change on an active contract.");
}

/** Work is logged for today or earlier, never ahead of time. */
function requirePastDate(ctx: DomainContext, access: HourlyAccess, date: string): void {
  if (date > localDate(ctx.clock.now(), access.weekZone)) {
    throw new AppError(422, "validation_failed", "Time can only be logged for today or earlier.", { date: ["Pick today or a past date."] });
  }
}

async function write<T>(access: HourlyAccess, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateTimeError(error, access);
  }
}

/** The freelancer logs time by hand for a day. */
export async function addManualEntry(ctx: DomainContext, actor: User, contractId: string, entry: ManualEntryInput): Promise<TimeEntryView> {
  const input = parseInput(manualEntryInput, entry);
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  requireTimeLogger(access);
  requirePastDate(ctx, access, input.date);
  const weekStart = weekStartOf(input.date);
  await requireWeekOpen(ctx, contractId, [weekStart]);
  await requireWithinLimit(ctx, access, weekStart, input.minutes);
  const now = ctx.clock.now();
  const [row] = await write(access, () =>
    ctx.db
      .insert(timeEntries)
      .values({
        id: ctx.newId(),
        contractId,
        freelancerId: actor.id,
        weekStart,
        date: input.date,
        minutes: input.minutes,
        memo: input.memo?.trim() ?? "",
        source: "manual",
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
  return toTimeEntryView(row);
}

/** The freelancer corrects an entry while its week is not submitted. */
export async function updateEntry(ctx: DomainContext, actor: User, entryId: string, change: EntryChangeInput): Promise<TimeEntryView> {
  const input = parseInput(entryChangeInput, change);
  const { entry, access } = await entryForParty(ctx, entryId, actor.id);
  requireParty(access, "freelancer", "change time entries");
  requireActive(access);
  const running = entry.source === "timer" && !entry.stoppedAt;
  if (running && (input.date !== undefined || input.minutes !== undefined))
    throw new AppError(409, "timer_running", "Stop the timer before changing its time; the memo can change while it runs.");
  const date = input.date ?? entry.date;
  if (input.date !== undefined) requirePastDate(ctx, access, date);
  const weekStart = weekStartOf(date);
  const minutes = input.minutes ?? entry.minutes;
  await requireWeekOpen(ctx, entry.contractId, [entry.weekStart, weekStart]);
  if (minutes > entry.minutes || weekStart !== entry.weekStart) await requireWithinLimit(ctx, access, weekStart, minutes, entry.id);
  const [row] = await write(access, () =>
    ctx.db
      .update(timeEntries)
      .set({
        date,
        weekStart,
        minutes,
        memo: input.memo !== undefined ? (input.memo?.trim() ?? "") : entry.memo,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(timeEntries.id, entry.id))
      .returning(),
  );
  return toTimeEntryView(row);
}

/** The freelancer removes an entry (or discards a running timer) while its week is not submitted. */
export async function deleteEntry(ctx: DomainContext, actor: User, entryId: string): Promise<void> {
  const { entry, access } = await entryForParty(ctx, entryId, actor.id);
  requireParty(access, "freelancer", "delete time entries");
  requireActive(access);
  await requireWeekOpen(ctx, entry.contractId, [entry.weekStart]);
  await write(access, () => ctx.db.delete(timeEntries).where(eq(timeEntries.id, entry.id)));
}

/** One week of a contract: logged minutes against the limit and where its timesheet stands. */
export async function weekSummary(ctx: DomainContext, access: HourlyAccess, weekStart: string) {
  const [minutes, sheets] = await Promise.all([
    minutesInWeek(ctx, access.contract.id, weekStart),
    ctx.db
      .select({ id: timesheets.id, status: timesheets.status })
      .from(timesheets)
      .where(and(eq(timesheets.contractId, access.contract.id), eq(timesheets.weekStart, weekStart)))
      .limit(1),
  ]);
  const sheet = sheets.at(0) ?? null;
  return {
    weekStart,
    label: isoWeekLabel(weekStart),
    minutes,
    limitMinutes: access.terms.weeklyHourLimit == null ? null : access.terms.weeklyHourLimit * 60,
    remainingMinutes: remainingMinutes(access.terms, minutes),
    timesheet: sheet,
    /** True while entries in this week can still be added, changed or removed. */
    open: !sheet || sheet.status === "disputed",
    /** The freelancer's zone: the week runs from Monday 00:00 to Sunday 24:00 there. */
    timeZone: access.weekZone,
  };
}

/**
 * Where time can still be logged when a week is closed (its timesheet submitted or approved): this week when
 * it is still open, else next week from its Monday. Null while the viewed week is open or the contract ended.
 */
async function whereToLog(
  ctx: DomainContext,
  access: HourlyAccess,
  viewed: Awaited<ReturnType<typeof weekSummary>>,
): Promise<{ weekStart: string; label: string; from: string | null; remainingMinutes: number | null } | null> {
  if (viewed.open || access.contract.status !== "active") return null;
  const current = weekStartAt(ctx.clock.now(), access.weekZone);
  const week = current === viewed.weekStart ? viewed : await weekSummary(ctx, access, current);
  if (week.open) return { weekStart: week.weekStart, label: week.label, from: null, remainingMinutes: week.remainingMinutes };
  const next = addDays(current, 7);
  return { weekStart: next, label: isoWeekLabel(next), from: next, remainingMinutes: remainingMinutes(access.terms, 0) };
}

/** A week's entries (default: the current week), newest first, for either party. */
export async function listEntries(
  ctx: DomainContext,
  userId: string,
  contractId: string,
  input: { week?: string; limit: number; cursor?: string },
) {
  const access = await hourlyContractForParty(ctx, contractId, userId);
  const weekStart = input.week ?? weekStartAt(ctx.clock.now(), access.weekZone);
  const limit = Math.min(Math.max(input.limit, 1), TIME_ENTRY_PAGE_MAX);
  // A timer that reached the weekly limit has stopped itself; whoever looks first records that.
  const stoppedAtLimit = access.contract.status === "active" ? await stopTimerAtLimit(ctx, access) : null;
  const [rows, week, running] = await Promise.all([
    ctx.db
      .select()
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.contractId, contractId),
          eq(timeEntries.weekStart, weekStart),
          input.cursor ? lt(timeEntries.id, input.cursor) : undefined,
        ),
      )
      .orderBy(desc(timeEntries.id))
      .limit(limit + 1),
    weekSummary(ctx, access, weekStart),
    runningTimer(ctx, contractId),
  ]);
  const page = rows.slice(0, limit);
  const [stopsAt, logNext] = await Promise.all([running ? timerStopsAt(ctx, access, running) : null, whereToLog(ctx, access, week)]);
  return {
    items: page.map(toTimeEntryView),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    week,
    /** `stopsAt`: when the timer stops itself, at the weekly limit (or after a day). */
    runningTimer: running ? { ...toTimeEntryView(running), stopsAt: stopsAt?.toISOString() ?? null } : null,
    /** Set when this read found the timer past the weekly limit and stopped it there: what was recorded, in words. */
    timerNotice: stoppedAtLimit?.notice ?? null,
    /** When this week is closed: the week time goes in now (`from`: its Monday, when that is still ahead). */
    logNext,
  };
}
