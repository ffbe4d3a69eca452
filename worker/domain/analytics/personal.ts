import { sql, type SQL } from "drizzle-orm";
import type { DomainContext } from "../context";
import { clientFundingAccountSql, clientRefundsAccountSql, ledgerAccounts } from "../ledger/accounts";
import { change, eachDay, endOf, previousRange, startOf, type DayRange } from "./range";

async function freelancerPeriod(ctx: DomainContext, userId: string, range: DayRange) {
  const start = startOf(range.from);
  const end = endOf(range);
  const account = ledgerAccounts.freelancer(userId);
  const [earnings, views, proposals] = await Promise.all([
    ctx.db.all<{ currency: string; amount: number }>(sql`
      select currency, sum(amount) as amount from ledger_entries
      where account = ${account} and amount > 0 and created_at >= ${start} and created_at < ${end} group by currency`),
    ctx.db.all<{ n: number | null }>(sql`
      select sum(views) as n from profile_view_days where freelancer_id = ${userId} and day between ${range.from} and ${range.to}`),
    ctx.db.all<{ sent: number; accepted: number | null }>(sql`
      select count(*) as sent, sum(case when status = 'accepted' then 1 else 0 end) as accepted from proposals
      where freelancer_id = ${userId} and created_at >= ${start} and created_at < ${end}`),
  ]);
  const sent = Number(proposals[0]?.sent ?? 0);
  const accepted = Number(proposals[0]?.accepted ?? 0);
  return {
    earnings: new Map(earnings.map((e) => [e.currency, Number(e.amount)])),
    profileViews: Number(views[0]?.n ?? 0),
    proposalsSent: sent,
    proposalsAccepted: accepted,
    successRate: sent === 0 ? null : accepted / sent,
  };
}

/**
 * A freelancer's own figures: earnings (what was released to them after the fee, per currency), profile
 * views and proposal success (accepted ÷ sent among proposals sent in the range), each beside the previous
 * period of the same length.
 */
export async function freelancerAnalytics(ctx: DomainContext, userId: string, range: DayRange) {
  const previous = previousRange(range);
  const [now, before] = await Promise.all([freelancerPeriod(ctx, userId, range), freelancerPeriod(ctx, userId, previous)]);
  const start = startOf(range.from);
  const end = endOf(range);
  const days = eachDay(range);
  const [viewRows, earningRows] = await Promise.all([
    ctx.db.all<{ day: string; n: number }>(sql`
      select day, views as n from profile_view_days where freelancer_id = ${userId} and day between ${range.from} and ${range.to}`),
    ctx.db.all<{ day: string; currency: string; amount: number }>(sql`
      select strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') as day, currency, sum(amount) as amount from ledger_entries
      where account = ${ledgerAccounts.freelancer(userId)} and amount > 0 and created_at >= ${start} and created_at < ${end}
      group by day, currency`),
  ]);
  const views = new Map(viewRows.map((r) => [r.day, Number(r.n)]));
  const earningsByDay: Record<string, number[]> = {};
  for (const row of earningRows) {
    earningsByDay[row.currency] ??= days.map(() => 0);
    earningsByDay[row.currency][days.indexOf(row.day)] = Number(row.amount);
  }
  const currencies = [...new Set([...now.earnings.keys(), ...before.earnings.keys()])].sort();
  return {
    range,
    previous,
    earnings: currencies.map((currency) => {
      const a = now.earnings.get(currency) ?? 0;
      const b = before.earnings.get(currency) ?? 0;
      return { currency, amount: a, previous: b, change: change(a, b) };
    }),
    profileViews: { current: now.profileViews, previous: before.profileViews, change: change(now.profileViews, before.profileViews) },
    proposals: {
      sent: now.proposalsSent,
      accepted: now.proposalsAccepted,
      successRate: now.successRate,
      previousSuccessRate: before.successRate,
    },
    series: { days, profileViews: days.map((d) => views.get(d) ?? 0), earnings: earningsByDay },
  };
}

/**
 * What a client spent per project in the range, per currency: money paid in for the project's contracts
 * minus what came back as refunds.
 */
export async function clientSpendByProject(ctx: DomainContext, userId: string, range: DayRange, page = { offset: 0, limit: 25 }) {
  const start = startOf(range.from);
  const end = endOf(range);
  const limit = Math.min(Math.max(page.limit, 1), 100);
  const offset = Math.max(page.offset, 0);
  const rows = await ctx.db.all<{ projectId: string; title: string; currency: string; paid: number; refunded: number }>(sql`
    select p.id as projectId, p.title as title, e.currency as currency,
      sum(case when e.account = ${ledgerAccounts.clientFunding(userId)} then -e.amount else 0 end) as paid,
      sum(case when e.account = ${ledgerAccounts.clientRefunds(userId)} then e.amount else 0 end) as refunded
    from ledger_entries e
    join ledger_transactions t on t.id = e.transaction_id
    join contracts c on c.id = t.contract_id
    join projects p on p.id = c.project_id
    where c.client_id = ${userId}
      and e.account in (${ledgerAccounts.clientFunding(userId)}, ${ledgerAccounts.clientRefunds(userId)})
      and e.created_at >= ${start} and e.created_at < ${end}
    group by p.id, e.currency
    order by paid desc, p.id
    limit ${limit + 1} offset ${offset}`);
  const totalRows = await ctx.db.all<SpendTotalRow>(clientSpendTotalsSql(userId, { start, end }));
  const projects = rows.slice(0, limit).map((r) => ({
    projectId: r.projectId,
    title: r.title,
    currency: r.currency,
    paid: Number(r.paid),
    refunded: Number(r.refunded),
    net: Number(r.paid) - Number(r.refunded),
  }));
  return {
    range,
    projects,
    nextOffset: rows.length > limit ? offset + limit : null,
    totals: totalRows.map((t) => ({
      currency: t.currency,
      paid: Number(t.paid),
      refunded: Number(t.refunded),
      net: Number(t.paid) - Number(t.refunded),
    })),
  };
}

export type SpendTotalRow = { currency: string; paid: number; refunded: number };

/**
 * What a client paid in for their contracts and got back as refunds, per currency, from the ledger (in a time
 * window if given): the one rule behind the spending page's totals and "total spent" about a client. The client
 * may be the SQL of an id (a project page finds its client in the same statement).
 */
export function clientSpendTotalsSql(clientId: string | SQL, window?: { start: number; end: number }): SQL {
  const funding = clientFundingAccountSql(clientId);
  const refunds = clientRefundsAccountSql(clientId);
  return sql`
    select e.currency as currency,
      sum(case when e.account = ${funding} then -e.amount else 0 end) as paid,
      sum(case when e.account = ${refunds} then e.amount else 0 end) as refunded
    from ledger_entries e
    join ledger_transactions t on t.id = e.transaction_id
    join contracts c on c.id = t.contract_id
    where c.client_id = ${clientId}
      and e.account in (${funding}, ${refunds})
      ${window ? sql`and e.created_at >= ${window.start} and e.created_at < ${window.end}` : sql``}
    group by e.currency order by e.currency`;
}
