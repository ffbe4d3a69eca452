import { z } from "zod";
import { TIME_ENTRY_SOURCES, TIMESHEET_STATUSES } from "../../../db/schema";
import { pageSchema, timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { ApproveResult } from "./approve";
import type { listEntries } from "./entries";
import type { TimeEntryView } from "./entry-view";
import type { StopResult } from "./timer";
import type { TimesheetView } from "./timesheets";

/** A day as YYYY-MM-DD (UTC); weeks are named by their Monday. */
const daySchema = z.iso.date();

export const timeEntryViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  date: daySchema,
  weekStart: daySchema,
  minutes: z.number().int(),
  memo: z.string(),
  source: z.enum(TIME_ENTRY_SOURCES),
  running: z.boolean(),
  startedAt: timestampSchema.nullable(),
  stoppedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** One week of a contract: logged minutes against the limit and where its timesheet stands. */
export const weekSummarySchema = z.object({
  weekStart: daySchema,
  label: z.string(),
  minutes: z.number().int(),
  limitMinutes: z.number().int().nullable(),
  remainingMinutes: z.number().int().nullable(),
  timesheet: z.object({ id: z.string(), status: z.enum(TIMESHEET_STATUSES) }).nullable(),
  /** True while entries in this week can still be added, changed or removed. */
  open: z.boolean(),
  /** The freelancer's IANA zone: the week runs from Monday 00:00 to Sunday 24:00 there. */
  timeZone: z.string(),
});

/** A week's entries with its summary, the running timer and where time goes once the week is closed. */
export const timeEntriesPageSchema = pageSchema(timeEntryViewSchema).extend({
  week: weekSummarySchema,
  /** `stopsAt`: when the timer stops itself, at the weekly limit (or after a day). */
  runningTimer: timeEntryViewSchema.extend({ stopsAt: timestampSchema.nullable() }).nullable(),
  /** Set when this read found the timer past the weekly limit and stopped it there. */
  timerNotice: z.string().nullable(),
  /** When the viewed week is closed: the week time goes in now (`from`: its Monday, when that is still ahead). */
  logNext: z
    .object({ weekStart: daySchema, label: z.string(), from: daySchema.nullable(), remainingMinutes: z.number().int().nullable() })
    .nullable(),
});

/** What stopping the timer recorded; `entry` is null when less than half a minute ran. */
export const timerStopSchema = z.object({
  entry: timeEntryViewSchema.nullable(),
  elapsedMinutes: z.number().int(),
  capped: z.boolean(),
  stoppedAtLimit: z.boolean(),
  notice: z.string().nullable(),
});

export const timesheetViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  weekStart: daySchema,
  label: z.string(),
  status: z.enum(TIMESHEET_STATUSES),
  minutes: z.number().int(),
  hourlyRate: z.number().int(),
  amount: z.number().int(),
  currency: z.string(),
  submittedAt: timestampSchema,
  decidedAt: timestampSchema.nullable(),
  disputeReason: z.string().nullable(),
  autoApproved: z.boolean(),
  autoApproveAt: timestampSchema.nullable(),
  milestoneId: z.string().nullable(),
  paymentId: z.string().nullable(),
});
export const timesheetsPageSchema = pageSchema(timesheetViewSchema);

/** An approved week and where its money stands: charged and paid out, or waiting for the provider's confirmation. */
export const timesheetApprovalSchema = z.object({
  timesheet: timesheetViewSchema,
  settlement: z.enum(["paid", "awaiting_payment"]),
});

export const timeEntryViewShape: SameShape<TimeEntryView, z.infer<typeof timeEntryViewSchema>> = true;
export const timeEntriesPageShape: SameShape<Resolved<typeof listEntries>, z.infer<typeof timeEntriesPageSchema>> = true;
export const timerStopShape: SameShape<StopResult, z.infer<typeof timerStopSchema>> = true;
export const timesheetViewShape: SameShape<TimesheetView, z.infer<typeof timesheetViewSchema>> = true;
export const timesheetApprovalShape: SameShape<Omit<ApproveResult, "replayed">, z.infer<typeof timesheetApprovalSchema>> = true;
