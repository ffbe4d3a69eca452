import { z } from "zod";
import { dateSchema } from "../contracts/input";
import { AppError } from "../errors";
import { changesSomething, NOTHING_TO_CHANGE } from "../shared/validate";
import { parseWeek } from "../time/weeks";

/** One time entry holds at most a day. */
export const MAX_ENTRY_MINUTES = 24 * 60;
export const ENTRY_MEMO_MAX = 1000;
export const TIMESHEET_DISPUTE_MAX = 2000;

export const entryMinutes = z
  .number({ message: "Enter the time in whole minutes." })
  .int({ message: "Enter the time in whole minutes." })
  .min(1, { message: "Log at least one minute." })
  .max(MAX_ENTRY_MINUTES, { message: `One entry holds at most 24 hours (${MAX_ENTRY_MINUTES} minutes).` });
export const entryMemo = z
  .string()
  .trim()
  .max(ENTRY_MEMO_MAX, { message: `Keep the memo under ${ENTRY_MEMO_MAX} characters.` });

/** A manual time entry: a past or present day, 1 to 1440 minutes, and an optional memo. */
export const manualEntryInput = z.object({ date: dateSchema, minutes: entryMinutes, memo: entryMemo.nullable().optional() });
export type ManualEntryInput = z.infer<typeof manualEntryInput>;
export const entryChangeInput = z
  .object({ date: dateSchema.optional(), minutes: entryMinutes.optional(), memo: entryMemo.nullable().optional() })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type EntryChangeInput = z.infer<typeof entryChangeInput>;

export const timesheetDisputeReason = z.string().trim().min(1, { message: "Say what is wrong with this week." }).max(TIMESHEET_DISPUTE_MAX);

export const weekInput = z
  .string()
  .refine((w) => parseWeek(w) !== null, { message: "Name a week as its Monday (2026-11-30) or ISO week (2026-W49)." });

/** A week named by its Monday or ISO week, or a 422. */
export function requireWeek(value: string): string {
  const week = parseWeek(value);
  if (!week) throw new AppError(422, "validation_failed", "Not a week.", { week: ["Name a week as its Monday or ISO week."] });
  return week;
}
