import { sql } from "drizzle-orm";
import type { DomainContext } from "../context";
import { addDays, change, daysIn, eachDay, endOf, previousRange, startOf, type DayRange } from "./range";

/** Day bucket (YYYY-MM-DD, UTC) of a millisecond timestamp column. */
const dayBucket = (column: ReturnType<typeof sql.raw>) => sql`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;

interface PeriodCounts {
  newUsers: number;
  activeUsers: number;
  projectsPosted: number;
  projectsFilled: number;
  proposals: number;
  hires: number;
  /** Median hours from posting a project to its first contract offer, over hires in the period. */
  medianHoursToHire: number | null;
  fundedMilestones: number;
  disputes: number;
  money: Map<string, { grossVolume: number; fees: number }>;
}

async function scalar(ctx: DomainContext, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await ctx.db.all<{ n: number | null }>(query);
  return Number(row?.n ?? 0);
}

async function disputesTableExists(ctx: DomainContext): Promise<boolean> {
  return (await scalar(ctx, sql`select count(*) as n from sqlite_master where type = 'table' and name = 'disputes'`)) > 0;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function periodCounts(ctx: DomainContext, range: DayRange, withDisputes: boolean): Promise<PeriodCounts> {
  const start = startOf(range.from);
  const end = endOf(range);
  const [newUsers, activeUsers, projectsPosted, projectsFilled, proposals, hires, fundedMilestones, disputes] = await Promise.all([
    scalar(ctx, sql`select count(*) as n from users where created_at >= ${start} and created_at < ${end}`),
    scalar(ctx, sql`select count(distinct user_id) as n from user_activity_days where day between ${range.from} and ${range.to}`),
    scalar(ctx, sql`select count(*) as n from projects where created_at >= ${start} and created_at < ${end}`),
    scalar(
      ctx,
      sql`select count(distinct project_id) as n from contracts where created_at >= ${start} and created_at < ${end} and status <> 'declined'`,
    ),
    scalar(ctx, sql`select count(*) as n from proposals where created_at >= ${start} and created_at < ${end}`),
    scalar(ctx, sql`select count(*) as n from contracts where created_at >= ${start} and created_at < ${end} and status <> 'declined'`),
    scalar(ctx, sql`select count(*) as n from milestones where funded_at >= ${start} and funded_at < ${end}`),
    withDisputes ? scalar(ctx, sql`select count(*) as n from disputes where created_at >= ${start} and created_at < ${end}`) : 0,
  ]);
  const hireRows = await ctx.db.all<{ hours: number }>(sql`
    select (min(c.created_at) - p.created_at) / 3600000.0 as hours
    from contracts c join projects p on p.id = c.project_id
    where c.status <> 'declined'
    group by c.project_id
    having min(c.created_at) >= ${start} and min(c.created_at) < ${end}`);
  const volume = await ctx.db.all<{ currency: string; amount: number }>(sql`
    select currency, sum(amount) as amount from payments
    where status = 'succeeded' and confirmed_at >= ${start} and confirmed_at < ${end} group by currency`);
  const fees = await ctx.db.all<{ currency: string; amount: number }>(sql`
    select currency, sum(amount) as amount from ledger_entries
    where account = 'platform:fees' and created_at >= ${start} and created_at < ${end} group by currency`);
  const money = new Map<string, { grossVolume: number; fees: number }>();
  for (const row of volume) money.set(row.currency, { grossVolume: Number(row.amount), fees: 0 });
  for (const row of fees) money.set(row.currency, { grossVolume: money.get(row.currency)?.grossVolume ?? 0, fees: Number(row.amount) });
  return {
    newUsers,
    activeUsers,
    projectsPosted,
    projectsFilled,
    proposals,
    hires,
    medianHoursToHire: median(hireRows.map((r) => Number(r.hours))),
    fundedMilestones,
    disputes,
    money,
  };
}

async function dailyCounts(ctx: DomainContext, range: DayRange, query: ReturnType<typeof sql>): Promise<number[]> {
  const rows = await ctx.db.all<{ day: string; n: number }>(query);
  const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
  return eachDay(range).map((day) => byDay.get(day) ?? 0);
}

async function dailyMoney(ctx: DomainContext, range: DayRange, query: ReturnType<typeof sql>): Promise<Record<string, number[]>> {
  const rows = await ctx.db.all<{ day: string; currency: string; amount: number }>(query);
  const days = eachDay(range);
  const index = new Map(days.map((d, i) => [d, i]));
  const result: Record<string, number[]> = {};
  for (const row of rows) {
    result[row.currency] ??= days.map(() => 0);
    const i = index.get(row.day);
    if (i !== undefined) result[row.currency][i] = Number(row.amount);
  }
  return result;
}

export interface Metric {
  key: string;
  label: string;
  unit: "count" | "percent" | "hours";
  current: number | null;
  previous: number | null;
  /** Relative change (0.1 = +10%), null when it cannot be compared. */
  change: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function metric(key: string, label: string, unit: Metric["unit"], current: number | null, previous: number | null): Metric {
  return { key, label, unit, current, previous, change: current === null || previous === null ? null : change(current, previous) };
}

/**
 * The admin dashboard's figures for a range of days, each beside the same figure for the range of the same
 * length just before it, plus daily series for the charts. Money stays per currency (never summed across).
 */
export async function adminAnalytics(ctx: DomainContext, range: DayRange) {
  const previous = previousRange(range);
  const withDisputes = await disputesTableExists(ctx);
  const [now, before] = await Promise.all([periodCounts(ctx, range, withDisputes), periodCounts(ctx, previous, withDisputes)]);
  const start = startOf(range.from);
  const end = endOf(range);
  const to = range.to;
  const [daily, weekly, monthly] = await Promise.all(
    [1, 7, 30].map((n) =>
      scalar(ctx, sql`select count(distinct user_id) as n from user_activity_days where day between ${addDays(to, -(n - 1))} and ${to}`),
    ),
  );
  const days = eachDay(range);
  const [newUsers, activeUsers, projectsPosted, hires, grossVolume, fees] = await Promise.all([
    dailyCounts(
      ctx,
      range,
      sql`select ${dayBucket(sql.raw("created_at"))} as day, count(*) as n from users where created_at >= ${start} and created_at < ${end} group by day`,
    ),
    dailyCounts(
      ctx,
      range,
      sql`select day, count(*) as n from user_activity_days where day between ${range.from} and ${range.to} group by day`,
    ),
    dailyCounts(
      ctx,
      range,
      sql`select ${dayBucket(sql.raw("created_at"))} as day, count(*) as n from projects where created_at >= ${start} and created_at < ${end} group by day`,
    ),
    dailyCounts(
      ctx,
      range,
      sql`select ${dayBucket(sql.raw("created_at"))} as day, count(*) as n from contracts where created_at >= ${start} and created_at < ${end} and status <> 'declined' group by day`,
    ),
    dailyMoney(
      ctx,
      range,
      sql`select ${dayBucket(sql.raw("confirmed_at"))} as day, currency, sum(amount) as amount from payments where status = 'succeeded' and confirmed_at >= ${start} and confirmed_at < ${end} group by day, currency`,
    ),
    dailyMoney(
      ctx,
      range,
      sql`select ${dayBucket(sql.raw("created_at"))} as day, currency, sum(amount) as amount from ledger_entries where account = 'platform:fees' and created_at >= ${start} and created_at < ${end} group by day, currency`,
    ),
  ]);
  const currencies = [...new Set([...now.money.keys(), ...before.money.keys()])].sort();
  return {
    range: { ...range, days: daysIn(range) },
    previous,
    metrics: [
      metric("newUsers", "New users", "count", now.newUsers, before.newUsers),
      metric("activeUsers", "Active users", "count", now.activeUsers, before.activeUsers),
      metric("projectsPosted", "Projects posted", "count", now.projectsPosted, before.projectsPosted),
      metric("projectsFilled", "Projects filled", "count", now.projectsFilled, before.projectsFilled),
      metric("proposalToHire", "Proposal-to-hire rate", "percent", rate(now.hires, now.proposals), rate(before.hires, before.proposals)),
      metric("timeToHire", "Median time to hire", "hours", now.medianHoursToHire, before.medianHoursToHire),
      metric(
        "disputeRate",
        "Disputes per funded milestone",
        "percent",
        rate(now.disputes, now.fundedMilestones),
        rate(before.disputes, before.fundedMilestones),
      ),
    ] satisfies Metric[],
    activeUsers: { daily, weekly, monthly, asOf: to },
    money: currencies.map((currency) => {
      const a = now.money.get(currency) ?? { grossVolume: 0, fees: 0 };
      const b = before.money.get(currency) ?? { grossVolume: 0, fees: 0 };
      return {
        currency,
        grossVolume: a.grossVolume,
        previousGrossVolume: b.grossVolume,
        grossVolumeChange: change(a.grossVolume, b.grossVolume),
        revenue: a.fees,
        previousRevenue: b.fees,
        revenueChange: change(a.fees, b.fees),
      };
    }),
    series: { days, newUsers, activeUsers, projectsPosted, hires, grossVolume, revenue: fees },
  };
}

export type AdminAnalytics = Awaited<ReturnType<typeof adminAnalytics>>;
