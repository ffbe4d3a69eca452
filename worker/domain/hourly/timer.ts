import { and, eq, isNull } from "drizzle-orm";
import { timeEntries, type User } from "../../../db/schema";
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
} from "./access";
import { runningTimer, toTimeEntryView, type TimeEntryView } from "./entries";
import { utcDate, weekStartAt } from "./weeks";

/** One entry never holds more than a day. */
const MAX_ENTRY_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

/** The freelancer starts a timer; its time counts in the week (UTC) it started in. */
export async function startTimer(
  ctx: DomainContext,
  actor: User,
  contractId: string,
  input: { memo?: string | null },
): Promise<TimeEntryView> {
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  requireTimeLogger(access);
  const running = await runningTimer(ctx, contractId);
  if (running) throw new AppError(409, "timer_running", "A timer is already running on this contract. Stop it first.");
  const now = ctx.clock.now();
  const weekStart = weekStartAt(now);
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
        date: utcDate(now),
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
  /** Null when less than half a minute ran: nothing is recorded. */
  entry: TimeEntryView | null;
  /** The minutes that ran, before any cap. */
  elapsedMinutes: number;
  /** True when the recorded time was cut to what the weekly limit (or one day) still allowed. */
  capped: boolean;
}

/**
 * The freelancer stops the running timer. Elapsed time is rounded to the nearest minute and capped at what
 * the week's limit still allows, so stopping never fails and never passes the limit.
 */
export async function stopTimer(ctx: DomainContext, actor: User, contractId: string, input: { memo?: string | null }): Promise<StopResult> {
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  if (access.role !== "freelancer") throw new AppError(403, "wrong_party", "Only the freelancer can log time.");
  const running = await runningTimer(ctx, contractId);
  if (!running?.startedAt) throw new AppError(409, "no_timer", "No timer is running on this contract.");
  const now = ctx.clock.now();
  const elapsedMinutes = Math.max(0, Math.round((now.getTime() - running.startedAt.getTime()) / MINUTE_MS));
  const remaining = remainingMinutes(access.terms, await minutesInWeek(ctx, contractId, running.weekStart, running.id));
  const minutes = Math.min(elapsedMinutes, MAX_ENTRY_MINUTES, remaining ?? MAX_ENTRY_MINUTES);
  const stillRunning = and(eq(timeEntries.id, running.id), isNull(timeEntries.stoppedAt));
  try {
    if (minutes === 0) {
      await ctx.db.delete(timeEntries).where(stillRunning);
      return { entry: null, elapsedMinutes, capped: elapsedMinutes > 0 };
    }
    const [row] = await ctx.db
      .update(timeEntries)
      .set({ minutes, stoppedAt: now, updatedAt: now, ...(input.memo?.trim() ? { memo: input.memo.trim() } : {}) })
      .where(stillRunning)
      .returning();
    if (!row) throw new AppError(409, "no_timer", "The timer was already stopped.");
    return { entry: toTimeEntryView(row), elapsedMinutes, capped: minutes < elapsedMinutes };
  } catch (error) {
    throw translateTimeError(error, access);
  }
}
