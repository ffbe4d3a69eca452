import { and, eq, inArray, sql } from "drizzle-orm";
import { contracts, freelancerProfiles, projects, timeEntries, timesheets, users, type TimeEntry } from "../../../db/schema";
import { contractNotFound, partyRole, requireParty, type ContractAccess } from "../contract-core/access";
import { resolveTerms, type ContractTerms } from "../contract-core/terms";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { wrongState } from "../milestones/access";
import { FALLBACK_TIME_ZONE } from "../time/format";
import { formatMinutes } from "../time/weeks";
import { knownZone } from "../time/zones";

export interface HourlyAccess extends ContractAccess {
  terms: ContractTerms;
  /** The freelancer's time zone: weeks start on Monday 00:00 there, and days are their days (UTC when unknown). */
  weekZone: string;
}

/** An hourly contract for one of its parties; others get 404, a fixed-price contract 409. Read in one query. */
export async function hourlyContractForParty(ctx: DomainContext, contractId: string, userId: string): Promise<HourlyAccess> {
  const [row] = await ctx.db
    .select({
      contract: contracts,
      budgetType: projects.budgetType,
      title: projects.title,
      timeZone: users.timeZone,
      profileZone: freelancerProfiles.timezone,
    })
    .from(contracts)
    .innerJoin(projects, eq(projects.id, contracts.projectId))
    .innerJoin(users, eq(users.id, contracts.freelancerId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, contracts.freelancerId))
    .where(eq(contracts.id, contractId))
    .limit(1);
  const role = row ? partyRole(row.contract, userId) : null;
  if (!row || !role) throw contractNotFound();
  const terms = resolveTerms(row.contract, row.budgetType);
  if (terms.type !== "hourly") throw wrongState("Time is only tracked on hourly contracts.");
  const weekZone = knownZone(row.timeZone, row.profileZone) ?? FALLBACK_TIME_ZONE;
  return { contract: row.contract, projectBudgetType: row.budgetType, projectTitle: row.title, role, terms, weekZone };
}

/** Only the freelancer logs time, and only while the contract is active. */
export function requireTimeLogger(access: HourlyAccess): void {
  requireParty(access, "freelancer", "log time");
  if (access.contract.status !== "active") throw wrongState("Time can only be logged on an active contract.");
}

export async function loadEntry(ctx: DomainContext, entryId: string): Promise<TimeEntry | undefined> {
  const [row] = await ctx.db.select().from(timeEntries).where(eq(timeEntries.id, entryId)).limit(1);
  return row;
}

/** A time entry with its contract, for the contract's parties only (404 for anyone else). */
export async function entryForParty(ctx: DomainContext, entryId: string, userId: string) {
  const entry = await loadEntry(ctx, entryId);
  const notFound = new AppError(404, "not_found", "No such time entry.");
  if (!entry) throw notFound;
  try {
    return { entry, access: await hourlyContractForParty(ctx, entry.contractId, userId) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound;
    throw error;
  }
}

/** Minutes logged in a week, optionally leaving one entry out (the one being edited). */
export async function minutesInWeek(ctx: DomainContext, contractId: string, weekStart: string, exceptEntryId?: string): Promise<number> {
  const [row] = await ctx.db
    .select({ total: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)` })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        eq(timeEntries.weekStart, weekStart),
        exceptEntryId ? sql`${timeEntries.id} <> ${exceptEntryId}` : undefined,
      ),
    );
  return Number(row?.total ?? 0);
}

/** Null when the contract has no weekly limit. */
export function remainingMinutes(terms: ContractTerms, used: number): number | null {
  return terms.weeklyHourLimit == null ? null : Math.max(0, terms.weeklyHourLimit * 60 - used);
}

export function limitReached(terms: ContractTerms, remaining: number): AppError {
  const left = remaining > 0 ? `only ${formatMinutes(remaining)} remain` : "no hours remain";
  return new AppError(422, "weekly_limit_reached", `This contract has a ${terms.weeklyHourLimit}-hour weekly limit: ${left} this week.`, {
    minutes: [`At most ${remaining} more minutes can be logged this week.`],
  });
}

/** Refuses `adding` minutes in a week when they would pass the weekly limit. */
export async function requireWithinLimit(
  ctx: DomainContext,
  access: HourlyAccess,
  weekStart: string,
  adding: number,
  exceptEntryId?: string,
): Promise<void> {
  const remaining = remainingMinutes(access.terms, await minutesInWeek(ctx, access.contract.id, weekStart, exceptEntryId));
  if (remaining !== null && adding > remaining) throw limitReached(access.terms, remaining);
}

export function weekLocked(): AppError {
  return new AppError(409, "week_locked", "This week's timesheet is submitted or approved: its time can no longer change.");
}

/** Time can change only in weeks whose timesheet is not submitted or approved. */
export async function requireWeekOpen(ctx: DomainContext, contractId: string, weekStarts: string[]): Promise<void> {
  const [locked] = await ctx.db
    .select({ id: timesheets.id })
    .from(timesheets)
    .where(
      and(
        eq(timesheets.contractId, contractId),
        inArray(timesheets.weekStart, weekStarts),
        inArray(timesheets.status, ["submitted", "approved"]),
      ),
    )
    .limit(1);
  if (locked) throw weekLocked();
}

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(" | ");
}

/** Maps the database's time guards (migrations/0008) to errors for a write that lost a race. */
export function translateTimeError(error: unknown, access: HourlyAccess): unknown {
  const message = messagesOf(error);
  if (message.includes("weekly_limit")) return limitReached(access.terms, 0);
  if (message.includes("week_locked")) return weekLocked();
  if (message.includes("time_entries.contract_id") || message.includes("time_entries_running_unique"))
    return new AppError(409, "timer_running", "A timer is already running on this contract.");
  return error;
}
