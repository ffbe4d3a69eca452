import { and, desc, eq, lt, sql } from "drizzle-orm";
import { timeEntries, timesheets, type Timesheet, type User } from "../../../db/schema";
import { contractForParty, requireParty } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch } from "../ledger/batch";
import { wrongState } from "../milestones/access";
import { AUTO_APPROVE_AFTER_MS } from "../milestones/view";
import { auditStatement } from "../shared/audit";
import { hourlyContractForParty, minutesInWeek, requireTimeLogger } from "./access";
import { runningTimer } from "./entry-view";
import { timesheetNotices } from "./notify";
import { chargeForMinutes, isoWeekLabel, weekStartAt } from "../time/weeks";

export const TIMESHEET_PAGE_MAX = 50;

export function toTimesheetView(t: Timesheet) {
  return {
    id: t.id,
    contractId: t.contractId,
    weekStart: t.weekStart,
    label: isoWeekLabel(t.weekStart),
    status: t.status,
    minutes: t.minutes,
    hourlyRate: t.hourlyRate,
    amount: t.amount,
    currency: t.currency,
    submittedAt: t.submittedAt.toISOString(),
    decidedAt: t.decidedAt?.toISOString() ?? null,
    disputeReason: t.disputeReason,
    autoApproved: t.autoApproved,
    autoApproveAt: t.status === "submitted" ? new Date(t.submittedAt.getTime() + AUTO_APPROVE_AFTER_MS).toISOString() : null,
    milestoneId: t.milestoneId,
    paymentId: t.paymentId,
  };
}
export type TimesheetView = ReturnType<typeof toTimesheetView>;

export async function loadTimesheet(ctx: DomainContext, id: string): Promise<Timesheet | undefined> {
  const [row] = await ctx.db.select().from(timesheets).where(eq(timesheets.id, id)).limit(1);
  return row;
}

/** A timesheet with its contract for one of the contract's parties; anyone else gets 404. */
export async function timesheetForParty(ctx: DomainContext, id: string, userId: string) {
  const sheet = await loadTimesheet(ctx, id);
  const notFound = new AppError(404, "not_found", "No such timesheet.");
  if (!sheet) throw notFound;
  try {
    return { sheet, access: await contractForParty(ctx, sheet.contractId, userId) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound;
    throw error;
  }
}

const weekMinutesSql = (contractId: string, weekStart: string) =>
  sql<number>`(select coalesce(sum(${timeEntries.minutes}), 0) from ${timeEntries} where ${timeEntries.contractId} = ${contractId} and ${timeEntries.weekStart} = ${weekStart})`;

/**
 * The freelancer hands a week's time to the client. From then on the week's entries are locked (a database
 * trigger too); the stored minutes are summed in the same statement, so a racing entry cannot slip past.
 */
export async function submitTimesheet(ctx: DomainContext, actor: User, contractId: string, weekStart: string): Promise<TimesheetView> {
  const access = await hourlyContractForParty(ctx, contractId, actor.id);
  requireTimeLogger(access);
  if (weekStart > weekStartAt(ctx.clock.now(), access.weekZone))
    throw new AppError(422, "validation_failed", "This week has not started yet.");
  const [existing] = await ctx.db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.contractId, contractId), eq(timesheets.weekStart, weekStart)))
    .limit(1);
  if (existing && existing.status !== "disputed") throw wrongState(`This week's timesheet is already ${existing.status}.`);
  const running = await runningTimer(ctx, contractId);
  if (running?.weekStart === weekStart) throw new AppError(409, "timer_running", "Stop the running timer before submitting this week.");
  const minutes = await minutesInWeek(ctx, contractId, weekStart);
  if (minutes <= 0) throw new AppError(422, "nothing_logged", "No time is logged in this week.");

  const rate = access.terms.hourlyRate as number;
  const now = ctx.clock.now();
  const weekMinutes = weekMinutesSql(contractId, weekStart);
  const snapshot = {
    status: "submitted" as const,
    minutes: weekMinutes,
    hourlyRate: rate,
    amount: sql<number>`(${weekMinutes} * cast(${rate} as integer) * 2 + 60) / 120`,
    currency: access.contract.currency,
    submittedAt: now,
    decidedAt: null,
    updatedAt: now,
  };
  const id = existing?.id ?? ctx.newId();
  const write = existing
    ? ctx.db
        .update(timesheets)
        .set(snapshot)
        .where(and(eq(timesheets.id, id), eq(timesheets.status, "disputed")))
    : ctx.db.insert(timesheets).values({ id, contractId, weekStart, ...snapshot, createdAt: now });
  const data = { timesheetId: id, weekStart, minutes, amount: chargeForMinutes(minutes, rate), currency: access.contract.currency };
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, access.contract),
    write,
    contractEventStatement(ctx, { contractId, type: "timesheet.submitted", actorId: actor.id, data }),
    auditStatement(ctx, { type: "hourly.timesheet_submitted", actorId: actor.id, subjectType: "timesheet", subjectId: id, data }),
  ]).catch((error) => {
    if (/UNIQUE constraint failed: timesheets\./.test(String(error?.cause ?? error)) || String(error).includes("timesheets_week_unique"))
      throw wrongState("This week's timesheet was just submitted.");
    throw error;
  });
  const sheet = (await loadTimesheet(ctx, id)) as Timesheet;
  await timesheetNotices.submitted(ctx, access.contract, sheet);
  return toTimesheetView(sheet);
}

/** The client disputes a submitted week: it goes back to the freelancer, whose entries unlock. */
export async function disputeTimesheet(
  ctx: DomainContext,
  actor: User,
  timesheetId: string,
  input: { reason: string },
): Promise<TimesheetView> {
  const { sheet, access } = await timesheetForParty(ctx, timesheetId, actor.id);
  requireParty(access, "client", "dispute timesheets");
  if (access.contract.status !== "active") throw wrongState("Timesheets can only be disputed on an active contract.");
  if (sheet.status !== "submitted") throw wrongState(`Only a submitted timesheet can be disputed; this one is ${sheet.status}.`);
  const reason = input.reason.trim();
  const now = ctx.clock.now();
  const data = { timesheetId, weekStart: sheet.weekStart, reason };
  const [, [updated]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, access.contract),
    ctx.db
      .update(timesheets)
      .set({ status: "disputed", disputeReason: reason, decidedAt: now, updatedAt: now })
      .where(and(eq(timesheets.id, timesheetId), eq(timesheets.status, "submitted")))
      .returning(),
    contractEventStatement(ctx, { contractId: sheet.contractId, type: "timesheet.disputed", actorId: actor.id, data }),
    auditStatement(ctx, { type: "hourly.timesheet_disputed", actorId: actor.id, subjectType: "timesheet", subjectId: timesheetId, data }),
  ])) as [unknown, Timesheet[]];
  await timesheetNotices.disputed(ctx, access.contract, updated);
  return toTimesheetView(updated);
}

/** A contract's timesheets, newest week first, for either party. */
export async function listTimesheets(ctx: DomainContext, userId: string, contractId: string, input: { limit: number; cursor?: string }) {
  await hourlyContractForParty(ctx, contractId, userId);
  const limit = Math.min(Math.max(input.limit, 1), TIMESHEET_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.contractId, contractId), input.cursor ? lt(timesheets.weekStart, input.cursor) : undefined))
    .orderBy(desc(timesheets.weekStart))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toTimesheetView), nextCursor: rows.length > limit ? page[page.length - 1].weekStart : null };
}
