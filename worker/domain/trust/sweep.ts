/**
 * The fraud sweep: scores every user, project and payment with activity in a recent window and raises
 * alerts for those at or above the threshold. Safe to repeat (raiseAlerts keeps one open alert per
 * subject), and a handful of batched queries however much happened. The cron's sweep runs in queue-sized
 * chunks (planFraudSweep, runFraudSweepChunk); an admin's sweep on request runs in one call.
 */
import { and, count, eq, gte, inArray, lte, sql, sum } from "drizzle-orm";
import {
  fraudSweepChunks,
  messages,
  payments,
  payoutHolds,
  projects,
  proposals,
  sessions,
  users,
  type Payment,
  type Project,
} from "../../../db/schema";
import type { FraudSweepChunkJob } from "../shared/jobs";
import type { DomainContext } from "../context";
import { alertWrites, automaticHoldStatements, raiseAlerts, type AlertCandidate, type RaiseResult } from "./alerts";
import { gatherPaymentFacts, gatherProjectFacts, gatherUserFacts } from "./facts";
import { paymentSignals, projectSignals, scoreOf, userSignals, type RiskScore } from "./signals";
import { ALERT_THRESHOLD, HOUR_MS } from "./weights";
import { recordEvent } from "../shared/audit";
import { auditMeta, requireAdmin, type AdminActor } from "../auth/admin";

export interface SweepResult extends RaiseResult {
  windowStart: string;
  windowEnd: string;
  scored: { users: number; projects: number; payments: number };
  flagged: number;
}

export interface ScoredSubject {
  kind: AlertCandidate["kind"];
  subjectId: string;
  userId: string | null;
  risk: RiskScore;
}

/** Scores everything active in [now - windowMs, now] without raising anything. */
export async function scoreRecentActivity(
  ctx: DomainContext,
  windowMs: number,
): Promise<{ since: Date; now: Date; scored: ScoredSubject[] }> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - windowMs);
  return { since, now, scored: await scoreSubjects(ctx, await activeIn(ctx, since, now), since, now) };
}

interface Subjects {
  userIds: string[];
  posted: Project[];
  paid: Payment[];
}

/** The users, projects and payments with activity in [since, now]. */
async function activeIn(ctx: DomainContext, since: Date, now: Date): Promise<Subjects> {
  const [people, posted, paid] = await Promise.all([
    activeUserIds(ctx, since, now),
    ctx.db
      .select()
      .from(projects)
      .where(and(gte(projects.createdAt, since), lte(projects.createdAt, now))),
    ctx.db
      .select()
      .from(payments)
      .where(and(gte(payments.createdAt, since), lte(payments.createdAt, now))),
  ]);
  return { userIds: withOwners(people, posted, paid), posted, paid };
}

/** activeIn's subjects as ids only: what planning a chunked sweep needs, without reading the rows. */
async function activeIdsIn(ctx: DomainContext, since: Date, now: Date) {
  const [people, posted, paid] = await Promise.all([
    activeUserIds(ctx, since, now),
    ctx.db
      .select({ id: projects.id, clientId: projects.clientId })
      .from(projects)
      .where(and(gte(projects.createdAt, since), lte(projects.createdAt, now))),
    ctx.db
      .select({ id: payments.id, payerId: payments.payerId })
      .from(payments)
      .where(and(gte(payments.createdAt, since), lte(payments.createdAt, now))),
  ]);
  return { userIds: withOwners(people, posted, paid), projectIds: posted.map((p) => p.id), paymentIds: paid.map((p) => p.id) };
}

/** Who signed up, signed in, proposed or wrote in [since, now]. */
async function activeUserIds(ctx: DomainContext, since: Date, now: Date): Promise<string[]> {
  const lists = await Promise.all([
    ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(gte(users.createdAt, since), lte(users.createdAt, now))),
    ctx.db
      .select({ id: sessions.userId })
      .from(sessions)
      .where(and(gte(sessions.createdAt, since), lte(sessions.createdAt, now))),
    ctx.db
      .select({ id: proposals.freelancerId })
      .from(proposals)
      .where(and(gte(proposals.createdAt, since), lte(proposals.createdAt, now))),
    ctx.db
      .select({ id: messages.senderId })
      .from(messages)
      .where(and(gte(messages.createdAt, since), lte(messages.createdAt, now))),
  ]);
  return lists.flat().map((r) => r.id);
}

/** The active people, the clients of the projects posted and the payers of the payments made, each once. */
function withOwners(people: string[], posted: Array<{ clientId: string }>, paid: Array<{ payerId: string }>): string[] {
  return [
    ...new Set(
      people.concat(
        posted.map((p) => p.clientId),
        paid.map((p) => p.payerId),
      ),
    ),
  ];
}

/** Scores each subject on its own facts, as of `now`: the same score whichever other subjects share the call. */
async function scoreSubjects(ctx: DomainContext, { userIds, posted, paid }: Subjects, since: Date, now: Date): Promise<ScoredSubject[]> {
  const [userFacts, projectFacts, paymentFacts] = await Promise.all([
    gatherUserFacts(ctx, userIds, now, since),
    gatherProjectFacts(ctx, posted),
    gatherPaymentFacts(ctx, paid, now),
  ]);
  const scored: ScoredSubject[] = [];
  for (const [userId, facts] of userFacts)
    scored.push({ kind: "user_risk", subjectId: userId, userId, risk: scoreOf(userSignals(facts, now)) });
  for (const p of posted)
    scored.push({ kind: "project_risk", subjectId: p.id, userId: p.clientId, risk: scoreOf(projectSignals(projectFacts.get(p.id)!, now)) });
  for (const p of paid)
    scored.push({ kind: "payment_risk", subjectId: p.id, userId: p.payerId, risk: scoreOf(paymentSignals(paymentFacts.get(p.id)!)) });
  return scored;
}

const SUBJECT_TYPE = { user_risk: "user", project_risk: "project", payment_risk: "payment" } as const;

const candidatesOf = (flagged: ScoredSubject[]) => flagged.map((s) => ({ ...s, subjectType: SUBJECT_TYPE[s.kind] }));

function scoredCounts(scored: ScoredSubject[]): SweepResult["scored"] {
  return {
    users: scored.filter((s) => s.kind === "user_risk").length,
    projects: scored.filter((s) => s.kind === "project_risk").length,
    payments: scored.filter((s) => s.kind === "payment_risk").length,
  };
}

export async function runFraudSweep(ctx: DomainContext, windowMs: number): Promise<SweepResult> {
  const { since, now, scored } = await scoreRecentActivity(ctx, windowMs);
  const flagged = scored.filter((s) => s.risk.score >= ALERT_THRESHOLD);
  const raised = await raiseAlerts(ctx, candidatesOf(flagged));
  return {
    windowStart: since.toISOString(),
    windowEnd: now.toISOString(),
    scored: scoredCounts(scored),
    flagged: flagged.length,
    ...raised,
  };
}

/** The sweep's one-line summary in the task log. */
export function describeSweep(sweep: SweepResult): string {
  return `scored ${sweep.scored.users} users, ${sweep.scored.projects} projects, ${sweep.scored.payments} payments; ${sweep.created} new alerts, ${sweep.updated} updated, ${sweep.held} payout holds`;
}

/**
 * Subjects per queued chunk of a sweep. On the bench's day of activity (BENCH_ACTIVITY on the 100k market) a chunk
 * of this size takes well under Workers' limits (docs/decisions: the fraud sweep in queue-sized chunks).
 */
export const SWEEP_CHUNK_SUBJECTS = 250;

/**
 * Cuts the sweep over [now - windowMs, now] into chunks of at most `chunkSubjects` users, projects and payments
 * each, spread evenly, all scored as of the same fixed window. At least one chunk, so an empty sweep still finishes.
 */
export async function planFraudSweep(
  ctx: DomainContext,
  windowMs: number,
  chunkSubjects = SWEEP_CHUNK_SUBJECTS,
): Promise<FraudSweepChunkJob[]> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - windowMs);
  const { userIds, projectIds, paymentIds } = await activeIdsIn(ctx, since, now);
  const lists = [userIds.sort(), projectIds.sort(), paymentIds.sort()];
  const count = Math.max(1, ...lists.map((l) => Math.ceil(l.length / chunkSubjects)));
  const share = (list: string[], i: number) => {
    const per = Math.ceil(list.length / count);
    return list.slice(i * per, (i + 1) * per);
  };
  const sweepId = ctx.newId();
  return Array.from({ length: count }, (_, i) => ({
    type: "fraud.sweep_chunk" as const,
    sweepId,
    chunk: i,
    chunks: count,
    windowStart: since.getTime(),
    windowEnd: now.getTime(),
    userIds: share(lists[0], i),
    projectIds: share(lists[1], i),
    paymentIds: share(lists[2], i),
  }));
}

/**
 * Scores one chunk and commits its alerts, payout holds and record in one transaction, the record first: a
 * redelivered chunk (or a copy racing it) finds the record and writes nothing again. Returns the whole sweep's
 * result once every chunk has its record (on each call after that too), otherwise null.
 */
export async function runFraudSweepChunk(ctx: DomainContext, job: FraudSweepChunkJob): Promise<{ sweep: SweepResult | null }> {
  const since = new Date(job.windowStart);
  const now = new Date(job.windowEnd);
  const thisChunk = and(eq(fraudSweepChunks.sweepId, job.sweepId), eq(fraudSweepChunks.chunk, job.chunk));
  const [done] = await ctx.db.select({ chunk: fraudSweepChunks.chunk }).from(fraudSweepChunks).where(thisChunk).limit(1);
  if (!done) {
    const [posted, paid] = await Promise.all([
      job.projectIds.length ? ctx.db.select().from(projects).where(inArray(projects.id, job.projectIds)) : [],
      job.paymentIds.length ? ctx.db.select().from(payments).where(inArray(payments.id, job.paymentIds)) : [],
    ]);
    const scored = await scoreSubjects(ctx, { userIds: job.userIds, posted, paid }, since, now);
    const flagged = scored.filter((s) => s.risk.score >= ALERT_THRESHOLD);
    const { statements, result, holdsFor } = await alertWrites(ctx, candidatesOf(flagged));
    const holds = automaticHoldStatements(ctx, holdsFor);
    const holdIds = holds.map((h) => h.holdId);
    try {
      await ctx.db.batch([
        ctx.db.insert(fraudSweepChunks).values({
          sweepId: job.sweepId,
          chunk: job.chunk,
          chunks: job.chunks,
          ...scoredCounts(scored),
          flagged: flagged.length,
          created: result.created,
          updated: result.updated,
          held: 0,
          createdAt: ctx.clock.now(),
        }),
        ...statements,
        ...holds.flatMap((h) => h.statements),
        ...(holdIds.length
          ? [
              ctx.db
                .update(fraudSweepChunks)
                .set({ held: sql`(select count(*) from ${payoutHolds} where ${inArray(payoutHolds.id, holdIds)})` })
                .where(thisChunk),
            ]
          : []),
      ]);
    } catch (error) {
      const [raced] = await ctx.db.select({ chunk: fraudSweepChunks.chunk }).from(fraudSweepChunks).where(thisChunk).limit(1);
      if (!raced) throw error;
    }
  }
  const [totals] = await ctx.db
    .select({
      chunks: count(),
      users: sum(fraudSweepChunks.users),
      projects: sum(fraudSweepChunks.projects),
      payments: sum(fraudSweepChunks.payments),
      flagged: sum(fraudSweepChunks.flagged),
      created: sum(fraudSweepChunks.created),
      updated: sum(fraudSweepChunks.updated),
      held: sum(fraudSweepChunks.held),
    })
    .from(fraudSweepChunks)
    .where(eq(fraudSweepChunks.sweepId, job.sweepId));
  if (!totals || totals.chunks < job.chunks) return { sweep: null };
  const n = (v: string | number | null) => Number(v ?? 0);
  return {
    sweep: {
      windowStart: since.toISOString(),
      windowEnd: now.toISOString(),
      scored: { users: n(totals.users), projects: n(totals.projects), payments: n(totals.payments) },
      flagged: n(totals.flagged),
      created: n(totals.created),
      updated: n(totals.updated),
      held: n(totals.held),
    },
  };
}

/** An admin runs the sweep by hand over the last `windowHours`; the run goes in the audit trail. */
export async function sweepOnRequest(ctx: DomainContext, actor: AdminActor, windowHours: number): Promise<SweepResult> {
  requireAdmin(actor);
  const sweep = await runFraudSweep(ctx, windowHours * HOUR_MS);
  await recordEvent(ctx, {
    type: "admin.fraud_sweep",
    ...auditMeta(actor),
    subjectType: "task",
    subjectId: "fraud.sweep",
    data: { ...sweep },
  });
  return sweep;
}
