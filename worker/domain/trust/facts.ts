/**
 * Gathers the facts the pure scoring functions need, for many subjects at once: a handful of queries per
 * chunk of ids (never one query per subject), so a sweep over a day of activity stays a few round-trips.
 */
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import {
  clientProfiles,
  contracts,
  ledgerTransactions,
  messages,
  payments,
  projects,
  proposals,
  sessions,
  users,
  type Payment,
  type Project,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { networkPrefix, prefixUpperBound } from "./network";
import type { PaymentFacts, ProjectFacts, UserFacts } from "./signals";
import { DAY_MS, HOUR_MS, LOOKBACK_MS } from "./weights";

const CHUNK = 400;
/** Comparable projects read per (category, budget type, currency): the newest ones. */
const COMPARABLES = 200;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks(items)) out.push(...(await run(chunk)));
  return out;
}

/** Facts about each user; activity (proposals, messages) counts from `activitySince`. */
export async function gatherUserFacts(
  ctx: DomainContext,
  userIds: string[],
  now: Date,
  activitySince: Date,
): Promise<Map<string, UserFacts>> {
  const ids = [...new Set(userIds)];
  const lookback = new Date(now.getTime() - LOOKBACK_MS);
  const activityFrom = new Date(activitySince.getTime() - HOUR_MS);
  const [people, ownSessions, failed, sent, written] = await Promise.all([
    inChunks(ids, (c) =>
      ctx.db
        .select({ id: users.id, email: users.email, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(inArray(users.id, c)),
    ),
    inChunks(ids, (c) =>
      ctx.db
        .select({ userId: sessions.userId, ip: sessions.ip, userAgent: sessions.userAgent })
        .from(sessions)
        .where(and(inArray(sessions.userId, c), gte(sessions.createdAt, lookback))),
    ),
    inChunks(ids, (c) =>
      ctx.db
        .select({ userId: payments.payerId, n: sql<number>`count(*)` })
        .from(payments)
        .where(and(inArray(payments.payerId, c), eq(payments.status, "failed"), gte(payments.createdAt, lookback)))
        .groupBy(payments.payerId),
    ),
    inChunks(ids, (c) =>
      ctx.db
        .select({ userId: proposals.freelancerId, createdAt: proposals.createdAt })
        .from(proposals)
        .where(and(inArray(proposals.freelancerId, c), gte(proposals.createdAt, activityFrom))),
    ),
    inChunks(ids, (c) =>
      ctx.db
        .select({
          id: messages.id,
          userId: messages.senderId,
          conversationId: messages.conversationId,
          createdAt: messages.createdAt,
          body: messages.body,
        })
        .from(messages)
        .where(and(inArray(messages.senderId, c), gte(messages.createdAt, activityFrom))),
    ),
  ]);

  const neighbours = await sessionsOnNetworks(ctx, ownSessions, lookback);
  const facts = new Map<string, UserFacts>();
  for (const person of people) {
    facts.set(person.id, {
      email: person.email,
      createdAt: person.createdAt,
      emailVerified: Boolean(person.emailVerifiedAt),
      otherAccountsOnIp: 0,
      sharedIp: null,
      otherAccountsOnDevice: 0,
      failedPayments: 0,
      proposalTimes: [],
      messages: [],
    });
  }
  const mine = new Map<string, Array<{ ip: string; userAgent: string | null }>>();
  for (const s of ownSessions)
    if (s.ip) (mine.get(s.userId) ?? mine.set(s.userId, []).get(s.userId)!).push({ ip: s.ip, userAgent: s.userAgent });
  for (const [userId, own] of mine) {
    const f = facts.get(userId);
    if (!f) continue;
    const byIp = new Map<string, Set<string>>();
    const byDevice = new Set<string>();
    for (const { ip, userAgent } of own) {
      for (const other of neighbours.get(networkPrefix(ip)) ?? []) {
        if (other.userId === userId) continue;
        if (other.ip === ip) (byIp.get(ip) ?? byIp.set(ip, new Set()).get(ip)!).add(other.userId);
        if (userAgent && other.userAgent === userAgent) byDevice.add(other.userId);
      }
    }
    for (const [ip, others] of byIp)
      if (others.size > f.otherAccountsOnIp) {
        f.otherAccountsOnIp = others.size;
        f.sharedIp = ip;
      }
    f.otherAccountsOnDevice = byDevice.size;
  }
  for (const row of failed) {
    const f = facts.get(row.userId);
    if (f) f.failedPayments = Number(row.n);
  }
  for (const row of sent) facts.get(row.userId)?.proposalTimes.push(row.createdAt.getTime());
  for (const row of written)
    facts.get(row.userId)?.messages.push({ id: row.id, conversationId: row.conversationId, at: row.createdAt.getTime(), body: row.body });
  return facts;
}

/** Every session since `since` on the networks of the given sessions, grouped by network prefix. */
async function sessionsOnNetworks(
  ctx: DomainContext,
  own: Array<{ ip: string | null }>,
  since: Date,
): Promise<Map<string, Array<{ userId: string; ip: string; userAgent: string | null }>>> {
  const prefixes = [...new Set(own.filter((s) => s.ip).map((s) => networkPrefix(s.ip!)))];
  const grouped = new Map<string, Array<{ userId: string; ip: string; userAgent: string | null }>>();
  for (const chunk of chunks(prefixes, 100)) {
    const queries = chunk.map((prefix) =>
      ctx.db
        .select({ userId: sessions.userId, ip: sessions.ip, userAgent: sessions.userAgent })
        .from(sessions)
        .where(and(gte(sessions.ip, prefix), lt(sessions.ip, prefixUpperBound(prefix)), gte(sessions.createdAt, since))),
    );
    const results = await ctx.db.batch(queries as [(typeof queries)[0], ...(typeof queries)[0][]]);
    results.forEach((rows, i) =>
      grouped.set(chunk[i], rows.filter((r) => r.ip) as Array<{ userId: string; ip: string; userAgent: string | null }>),
    );
  }
  return grouped;
}

/** Facts about each project: its text and budget, comparable budgets, and its client. */
export async function gatherProjectFacts(ctx: DomainContext, rows: Project[]): Promise<Map<string, ProjectFacts>> {
  const clientIds = [...new Set(rows.map((p) => p.clientId))];
  const [clients, profiles] = await Promise.all([
    inChunks(clientIds, (c) =>
      ctx.db
        .select({ id: users.id, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(inArray(users.id, c)),
    ),
    inChunks(clientIds, (c) =>
      ctx.db
        .select({ userId: clientProfiles.userId, paymentVerified: clientProfiles.paymentVerified })
        .from(clientProfiles)
        .where(inArray(clientProfiles.userId, c)),
    ),
  ]);
  const groupKey = (p: Pick<Project, "categorySlug" | "budgetType" | "currency">) => `${p.categorySlug}|${p.budgetType}|${p.currency}`;
  const groups = [...new Map(rows.map((p) => [groupKey(p), p])).values()];
  const comparables = new Map<string, Array<{ id: string; budgetMax: number }>>();
  for (const chunk of chunks(groups, 50)) {
    const queries = chunk.map((p) =>
      ctx.db
        .select({ id: projects.id, budgetMax: projects.budgetMax })
        .from(projects)
        .where(
          and(
            eq(projects.categorySlug, p.categorySlug),
            eq(projects.status, "open"),
            eq(projects.visibility, "public"),
            eq(projects.budgetType, p.budgetType),
            eq(projects.currency, p.currency),
          ),
        )
        .orderBy(sql`${projects.createdAt} desc`)
        .limit(COMPARABLES),
    );
    const results = await ctx.db.batch(queries as [(typeof queries)[0], ...(typeof queries)[0][]]);
    results.forEach((found, i) => comparables.set(groupKey(chunk[i]), found));
  }
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const verifiedPayment = new Map(profiles.map((p) => [p.userId, p.paymentVerified]));
  const facts = new Map<string, ProjectFacts>();
  for (const p of rows) {
    const client = clientById.get(p.clientId);
    facts.set(p.id, {
      title: p.title,
      description: p.description,
      budgetMax: p.budgetMax,
      comparableBudgets: (comparables.get(groupKey(p)) ?? []).filter((c) => c.id !== p.id).map((c) => c.budgetMax),
      client: {
        createdAt: client?.createdAt ?? p.createdAt,
        emailVerified: Boolean(client?.emailVerifiedAt),
        paymentVerified: verifiedPayment.get(p.clientId) ?? false,
      },
    });
  }
  return facts;
}

/** Facts about each payment: where the payer was, what happened to the money afterwards. */
export async function gatherPaymentFacts(ctx: DomainContext, rows: Payment[], now: Date): Promise<Map<string, PaymentFacts>> {
  if (rows.length === 0) return new Map();
  const payerIds = [...new Set(rows.map((p) => p.payerId))];
  const milestoneIds = [...new Set(rows.map((p) => p.milestoneId))];
  const earliest = new Date(Math.min(...rows.map((p) => p.createdAt.getTime())) - DAY_MS);
  const refundSince = new Date(Math.min(earliest.getTime(), now.getTime() - 7 * DAY_MS));
  const [payers, profiles, payerSessions, refunds, payerRefunds, failed] = await Promise.all([
    inChunks(payerIds, (c) => ctx.db.select({ id: users.id, createdAt: users.createdAt }).from(users).where(inArray(users.id, c))),
    inChunks(payerIds, (c) =>
      ctx.db
        .select({ userId: clientProfiles.userId, country: clientProfiles.country })
        .from(clientProfiles)
        .where(inArray(clientProfiles.userId, c)),
    ),
    inChunks(payerIds, (c) =>
      ctx.db
        .select({ userId: sessions.userId, country: sessions.country, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
        .from(sessions)
        .where(and(inArray(sessions.userId, c), gte(sessions.createdAt, new Date(earliest.getTime() - LOOKBACK_MS)))),
    ),
    inChunks(milestoneIds, (c) =>
      ctx.db
        .select({ milestoneId: ledgerTransactions.milestoneId, createdAt: ledgerTransactions.createdAt })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.kind, "refund"), inArray(ledgerTransactions.milestoneId, c))),
    ),
    inChunks(payerIds, (c) =>
      ctx.db
        .select({ clientId: contracts.clientId, createdAt: ledgerTransactions.createdAt })
        .from(ledgerTransactions)
        .innerJoin(contracts, eq(contracts.id, ledgerTransactions.contractId))
        .where(and(eq(ledgerTransactions.kind, "refund"), inArray(contracts.clientId, c), gte(ledgerTransactions.createdAt, refundSince))),
    ),
    inChunks(payerIds, (c) =>
      ctx.db
        .select({ payerId: payments.payerId, createdAt: payments.createdAt })
        .from(payments)
        .where(and(inArray(payments.payerId, c), eq(payments.status, "failed"), gte(payments.createdAt, earliest))),
    ),
  ]);
  const payerById = new Map(payers.map((p) => [p.id, p]));
  const countryOf = new Map(profiles.map((p) => [p.userId, p.country]));
  const firstRefund = new Map<string, Date>();
  for (const r of refunds) {
    const prior = firstRefund.get(r.milestoneId!);
    if (!prior || r.createdAt < prior) firstRefund.set(r.milestoneId!, r.createdAt);
  }
  const facts = new Map<string, PaymentFacts>();
  for (const p of rows) {
    const at = p.createdAt.getTime();
    const mine = payerSessions.filter((s) => s.userId === p.payerId);
    const atPayment = mine
      .filter((s) => s.createdAt.getTime() <= at && s.lastSeenAt.getTime() >= at - LOOKBACK_MS)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const refundedAt = firstRefund.get(p.milestoneId) ?? null;
    const refundWindowEnd = (refundedAt ?? now).getTime();
    facts.set(p.id, {
      createdAt: p.createdAt,
      confirmedAt: p.confirmedAt,
      payerCountry: countryOf.get(p.payerId) ?? null,
      sessionCountry: atPayment?.country ?? null,
      recentCountries: [
        ...new Set(
          mine
            .filter((s) => s.country && s.createdAt.getTime() <= at && s.createdAt.getTime() > at - DAY_MS)
            .map((s) => s.country!.toUpperCase()),
        ),
      ].sort(),
      refundedAt,
      payerRecentRefunds: payerRefunds.filter(
        (r) => r.clientId === p.payerId && r.createdAt.getTime() <= refundWindowEnd && r.createdAt.getTime() > refundWindowEnd - 7 * DAY_MS,
      ).length,
      failedBefore: failed.filter((f) => f.payerId === p.payerId && f.createdAt.getTime() < at && f.createdAt.getTime() >= at - DAY_MS)
        .length,
      payerCreatedAt: payerById.get(p.payerId)?.createdAt ?? p.createdAt,
    });
  }
  return facts;
}
