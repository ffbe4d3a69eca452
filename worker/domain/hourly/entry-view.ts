import { and, eq, isNull } from "drizzle-orm";
import { timeEntries, type TimeEntry } from "../../../db/schema";
import type { DomainContext } from "../context";

/** A logged time entry as the API shows it, and the contract's running timer: what entries and the timer share. */
export function toTimeEntryView(e: TimeEntry) {
  return {
    id: e.id,
    contractId: e.contractId,
    date: e.date,
    weekStart: e.weekStart,
    minutes: e.minutes,
    memo: e.memo,
    source: e.source,
    running: e.source === "timer" && !e.stoppedAt,
    startedAt: e.startedAt?.toISOString() ?? null,
    stoppedAt: e.stoppedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type TimeEntryView = ReturnType<typeof toTimeEntryView>;

export async function runningTimer(ctx: DomainContext, contractId: string): Promise<TimeEntry | undefined> {
  const [row] = await ctx.db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.contractId, contractId), eq(timeEntries.source, "timer"), isNull(timeEntries.stoppedAt)))
    .limit(1);
  return row;
}
