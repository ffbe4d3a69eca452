import { and, eq, isNull } from "drizzle-orm";
import { timeEntries, type TimeEntry, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import {
  hourlyContractForParty,
  limitReached,
  minutesInWeek,
  remainingMinutes,
  requireTimeLogger,
  requireWeekOpen,
  translateTimeError,
  type HourlyAccess,
} from "./access";
import { runningTimer, toTimeEntryView, type TimeEntryView } from "./entry-view";
import { MAX_ENTRY_MINUTES } from "./inputs";
import { formatDateTime } from "../time/format";
import { formatMinutes, localDate, weekStartAt } from "../time/weeks";

/** One entry never holds more than a day. */
const MINUTE_MS = 60_000;

/** The freelancer starts a timer; its time counts in the week it started in (in the freelancer's zone). */
export async function startTimer(
  ctx: DomainContext,
  actor: User,
  contractId: string,
  input: { memo?: string | null },
): Promise<TimeEntryView> {
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  requireTimeLogger(access);
  await stopTimerAtLimit(ctx, access);
  const running = await runningTimer(ctx, contractId);
  if (running) throw new AppError(409, "timer_running", "A timer is already running on this contract. Stop it first.");
  const now = ctx.clock.now();
  const weekStart = weekStartAt(now, access.weekZone);
  await requireWeekOpen(ctx, contractId, [weekStart]);
  const remaining = remainingMinutes(access.terms, await minutesInWeek(ctx, contractId, weekStart));
  if (remaining === 0) throw limitReached(access.terms, 0);
  try {
    const [row] = await ctx.db
      .insert(timeEntries)
      .values({
        id: ctx.newId(),
        contractId,
        freelancerId: actor.id,
        weekStart,
        date: localDate(now, access.weekZone),
        minutes: 0,
        memo: input.memo?.trim() ?? "",
        source: "timer",
        startedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return toTimeEntryView(row);
  } catch (error) {
    throw translateTimeError(error, access);
  }
}

export interface StopResult {
  /** Null when less than half a minute ran: nothing is recorded, and `notice` says so. */
  entry: TimeEntryView | null;
  /** The minutes that ran, before any cap. */
  elapsedMinutes: number;
  /** True when the recorded time was cut to what the weekly limit (or one day) still allowed. */
  capped: boolean;
  /** True when the timer had reached that cap: it stopped itself there, and `entry.stoppedAt` is that moment. */
  stoppedAtLimit: boolean;
  /** What happened to the time, in words, whenever it was not simply recorded as it ran. */
  notice: string | null;
}

/** The longest a timer may still run: what the week's limit allows, and never more than a day. */
async function timerCap(ctx: DomainContext, access: HourlyAccess, running: TimeEntry): Promise<number> {
  const remaining = remainingMinutes(access.terms, await minutesInWeek(ctx, access.contract.id, running.weekStart, running.id));
  return Math.min(MAX_ENTRY_MINUTES, remaining ?? MAX_ENTRY_MINUTES);
}

/** The moment a running timer stops itself (its cap reached), for the page to count down to. */
export async function timerStopsAt(ctx: DomainContext, access: HourlyAccess, running: TimeEntry): Promise<Date | null> {
  if (!running.startedAt) return null;
  return new Date(running.startedAt.getTime() + (await timerCap(ctx, access, running)) * MINUTE_MS);
}

function stopNotice(elapsedSeconds: number, minutes: number, cap: number, access: HourlyAccess, stoppedAt: Date): string | null {
  if (minutes === 0 && cap > 0) {
    return `The timer ran for ${elapsedSeconds} seconds, under half a minute, so nothing was recorded. Log the time by hand if it should count.`;
  }
  if (minutes === 0) return `No time was recorded: this week's ${access.terms.weeklyHourLimit}-hour limit was already reached.`;
  const limit =
    cap === MAX_ENTRY_MINUTES ? "one day, the longest one entry holds" : `this week's ${access.terms.weeklyHourLimit}-hour limit`;
  return `The timer stopped itself at ${formatDateTime(stoppedAt)}, when it reached ${limit}: ${formatMinutes(minutes)} recorded. Time worked after that is not recorded.`;
}

async function stopRunning(
  ctx: DomainContext,
  access: HourlyAccess,
  running: TimeEntry & { startedAt: Date },
  memo: string | null | undefined,
): Promise<StopResult> {
  const now = ctx.clock.now();
  const elapsedMs = Math.max(0, now.getTime() - running.startedAt.getTime());
  const elapsedMinutes = Math.round(elapsedMs / MINUTE_MS);
  const cap = await timerCap(ctx, access, running);
  const minutes = Math.min(elapsedMinutes, cap);
  const capped = minutes < elapsedMinutes;
  // A timer past its cap stopped itself at the moment it reached it, not when someone noticed.
  const stoppedAt = capped ? new Date(running.startedAt.getTime() + cap * MINUTE_MS) : now;
  const notice = capped || minutes === 0 ? stopNotice(Math.round(elapsedMs / 1000), minutes, cap, access, stoppedAt) : null;
  const stillRunning = and(eq(timeEntries.id, running.id), isNull(timeEntries.stoppedAt));
  try {
    if (minutes === 0) {
      await ctx.db.delete(timeEntries).where(stillRunning);
      return { entry: null, elapsedMinutes, capped, stoppedAtLimit: capped, notice };
    }
    const [row] = await ctx.db
      .update(timeEntries)
      .set({ minutes, stoppedAt, updatedAt: now, ...(memo?.trim() ? { memo: memo.trim() } : {}) })
      .where(stillRunning)
      .returning();
    if (!row) throw new AppError(409, "no_timer", "The timer was already stopped.");
    return { entry: toTimeEntryView(row), elapsedMinutes, capped, stoppedAtLimit: capped, notice };
  } catch (error) {
    throw translateTimeError(error, access);
  }
}

/**
 * The freelancer stops the running timer. Elapsed time is rounded to the nearest minute and capped at what
 * the week's limit still allows (the timer stopped itself when it got there), so stopping never fails and
 * never passes the limit; whatever is not recorded as it ran is explained in `notice`.
 */
export async function stopTimer(ctx: DomainContext, actor: User, contractId: string, input: { memo?: string | null }): Promise<StopResult> {
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  if (access.role !== "freelancer") throw new AppError(403, "wrong_party", "Only the freelancer can log time.");
  const running = await runningTimer(ctx, contractId);
  if (!running?.startedAt) throw new AppError(409, "no_timer", "No timer is running on this contract.");
  return stopRunning(ctx, access, { ...running, startedAt: running.startedAt }, input.memo);
}

/**
 * A timer that reached the weekly limit (or a day) stops itself: whoever looks at the contract's time next
 * finds it stopped at that moment, with the notice. Null when no timer had reached its cap.
 */
export async function stopTimerAtLimit(ctx: DomainContext, access: HourlyAccess): Promise<StopResult | null> {
  const running = await runningTimer(ctx, access.contract.id);
  if (!running?.startedAt) return null;
  const stopsAt = await timerStopsAt(ctx, access, running);
  if (!stopsAt || stopsAt.getTime() > ctx.clock.now().getTime()) return null;
  try {
    return await stopRunning(ctx, access, { ...running, startedAt: running.startedAt }, null);
  } catch (error) {
    if (error instanceof AppError && error.code === "no_timer") return null; // stopped meanwhile
    throw error;
  }
}
