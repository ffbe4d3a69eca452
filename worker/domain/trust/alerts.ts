import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  events,
  fraudAlerts,
  FRAUD_ALERT_STATUSES,
  OPEN_ALERT_STATUSES,
  payoutHolds,
  RISK_LEVELS,
  users,
  type FraudAlert,
  type FraudAlertKind,
  type FraudAlertStatus,
  type RiskLevel,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { auditMeta, pageLimit, requireAdmin, type AdminActor } from "../auth/admin";
import type { AlertDecision } from "./values";
import type { RiskScore } from "./signals";
import { ALERT_THRESHOLD, PAYOUT_HOLD_THRESHOLD } from "./weights";

export interface AlertCandidate {
  kind: FraudAlertKind;
  subjectType: FraudAlert["subjectType"];
  subjectId: string;
  userId: string | null;
  risk: RiskScore;
}

export interface RaiseResult {
  created: number;
  updated: number;
  held: number;
}

const signalCodes = (a: { signals: FraudAlert["signals"] }) => new Set(a.signals.map((s) => s.code));

/**
 * Turns scores at or above the threshold into alerts: one open alert per subject and kind (an open one is
 * updated instead), and a subject an admin closed is raised again only when it shows a new kind of signal
 * or scores higher. Critical scores also hold the account's payouts.
 */
export async function raiseAlerts(ctx: DomainContext, candidates: AlertCandidate[]): Promise<RaiseResult> {
  const { statements, result, holdsFor } = await alertWrites(ctx, candidates);
  for (let i = 0; i < statements.length; i += 50) {
    const slice = statements.slice(i, i + 50);
    await ctx.db.batch(slice as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  }
  if (holdsFor.size > 0) result.held = await placeAutomaticHolds(ctx, holdsFor);
  return result;
}

/**
 * What raiseAlerts writes, as statements for the caller's own batch (a sweep chunk commits them with its record),
 * and the accounts whose payouts to hold with the alert that holds them.
 */
export async function alertWrites(ctx: DomainContext, candidates: AlertCandidate[]) {
  const due = candidates.filter((c) => c.risk.score >= ALERT_THRESHOLD);
  const result: RaiseResult = { created: 0, updated: 0, held: 0 };
  const statements: BatchItem<"sqlite">[] = [];
  const holdsFor = new Map<string, string>();
  if (due.length === 0) return { statements, result, holdsFor };
  const now = ctx.clock.now();
  const subjectIds = [...new Set(due.map((c) => c.subjectId))];
  const previous: FraudAlert[] = [];
  for (let i = 0; i < subjectIds.length; i += 400) {
    previous.push(
      ...(await ctx.db
        .select()
        .from(fraudAlerts)
        .where(inArray(fraudAlerts.subjectId, subjectIds.slice(i, i + 400)))),
    );
  }
  const byKey = new Map<string, FraudAlert[]>();
  for (const a of previous)
    (byKey.get(`${a.kind}|${a.subjectId}`) ?? byKey.set(`${a.kind}|${a.subjectId}`, []).get(`${a.kind}|${a.subjectId}`)!).push(a);

  for (const c of due) {
    const history = (byKey.get(`${c.kind}|${c.subjectId}`) ?? []).sort((a, b) => b.id.localeCompare(a.id));
    const open = history.find((a) => (OPEN_ALERT_STATUSES as readonly string[]).includes(a.status));
    let alertId: string | null = null;
    if (open) {
      const changed = open.score !== c.risk.score || JSON.stringify(open.signals) !== JSON.stringify(c.risk.signals);
      if (changed && c.risk.score >= open.score) {
        statements.push(
          ctx.db
            .update(fraudAlerts)
            .set({ score: c.risk.score, level: c.risk.level, signals: c.risk.signals, updatedAt: now })
            .where(eq(fraudAlerts.id, open.id)),
        );
        result.updated++;
      }
      alertId = open.id;
    } else {
      const closed = history[0];
      const seen = closed ? signalCodes(closed) : new Set<string>();
      const isNew = !closed || c.risk.score > closed.score || c.risk.signals.some((s) => !seen.has(s.code));
      if (!isNew) continue;
      alertId = ctx.newId();
      statements.push(
        ctx.db
          .insert(fraudAlerts)
          .values({
            id: alertId,
            kind: c.kind,
            subjectType: c.subjectType,
            subjectId: c.subjectId,
            userId: c.userId,
            score: c.risk.score,
            level: c.risk.level,
            signals: c.risk.signals,
            status: "open",
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing(),
      );
      result.created++;
    }
    if (c.userId && c.risk.score >= PAYOUT_HOLD_THRESHOLD && !holdsFor.has(c.userId)) holdsFor.set(c.userId, alertId);
  }
  return { statements, result, holdsFor };
}

const AUTOMATIC_HOLD_REASON = "A critical fraud alert is under review.";

/** Holds payouts of accounts with a critical alert; an account already on hold keeps its one hold. */
async function placeAutomaticHolds(ctx: DomainContext, alertByUser: Map<string, string>): Promise<number> {
  const now = ctx.clock.now();
  let held = 0;
  for (const [userId, alertId] of alertByUser) {
    const [alert] = await ctx.db.select({ id: fraudAlerts.id }).from(fraudAlerts).where(eq(fraudAlerts.id, alertId)).limit(1);
    const placed = await ctx.db
      .insert(payoutHolds)
      .values({ id: ctx.newId(), userId, reason: AUTOMATIC_HOLD_REASON, alertId: alert?.id ?? null, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: payoutHolds.id });
    if (placed.length === 0) continue;
    held++;
    await auditStatement(ctx, {
      type: "trust.payout_hold",
      subjectType: "user",
      subjectId: userId,
      data: { alertId, automatic: true, holdId: placed[0].id },
    });
  }
  return held;
}

/**
 * placeAutomaticHolds as statements for one batch, placed after the alert writes they refer to: per account, the
 * hold (kept out when one is active; its returned row says whether it was placed) and its audit entry, written only
 * if that hold was.
 */
export function automaticHoldStatements(ctx: DomainContext, alertByUser: Map<string, string>) {
  const now = ctx.clock.now();
  return [...alertByUser].map(([userId, alertId]) => {
    const holdId = ctx.newId();
    const data = JSON.stringify({ alertId, automatic: true, holdId });
    const statements = [
      ctx.db
        .insert(payoutHolds)
        .values({ id: holdId, userId, reason: AUTOMATIC_HOLD_REASON, alertId, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: payoutHolds.id }),
      ctx.db.run(
        sql`insert into ${events} (id, type, subject_type, subject_id, data, created_at) select ${ctx.newId()}, 'trust.payout_hold', 'user', ${userId}, ${data}, ${now.getTime()} from ${payoutHolds} where ${payoutHolds.id} = ${holdId}`,
      ),
    ] as const;
    return { holdId, statements };
  });
}

export interface AlertFilters {
  status?: FraudAlertStatus;
  level?: RiskLevel;
  kind?: FraudAlertKind;
  userId?: string;
  cursor?: string;
  limit?: number;
}

export function toAlertView(a: FraudAlert, user?: { name: string; email: string; blockedAt: Date | null } | null) {
  return {
    id: a.id,
    kind: a.kind,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    userId: a.userId,
    user: user ? { name: user.name, email: user.email, blocked: Boolean(user.blockedAt) } : null,
    score: a.score,
    level: a.level,
    signals: a.signals,
    status: a.status,
    note: a.note,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AlertView = ReturnType<typeof toAlertView>;

/** Newest first, filtered by status, severity, kind or account; `total` counts the whole filtered list. */
export async function listAlerts(ctx: DomainContext, actor: AdminActor, filters: AlertFilters) {
  requireAdmin(actor);
  const limit = pageLimit(filters.limit);
  const where: SQL[] = [];
  if (filters.status) where.push(eq(fraudAlerts.status, filters.status));
  if (filters.level) where.push(eq(fraudAlerts.level, filters.level));
  if (filters.kind) where.push(eq(fraudAlerts.kind, filters.kind));
  if (filters.userId) where.push(eq(fraudAlerts.userId, filters.userId));
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ alert: fraudAlerts, user: { name: users.name, email: users.email, blockedAt: users.blockedAt } })
      .from(fraudAlerts)
      .leftJoin(users, eq(users.id, fraudAlerts.userId))
      .where(and(...where, filters.cursor ? lt(fraudAlerts.id, filters.cursor) : undefined))
      .orderBy(desc(fraudAlerts.id))
      .limit(limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)` })
      .from(fraudAlerts)
      .where(and(...where)),
  ]);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => toAlertView(r.alert, r.user)),
    nextCursor: rows.length > limit ? page[page.length - 1].alert.id : null,
    total: Number(total),
  };
}

export async function getAlert(ctx: DomainContext, actor: AdminActor, id: string): Promise<AlertView> {
  requireAdmin(actor);
  const [row] = await ctx.db
    .select({ alert: fraudAlerts, user: { name: users.name, email: users.email, blockedAt: users.blockedAt } })
    .from(fraudAlerts)
    .leftJoin(users, eq(users.id, fraudAlerts.userId))
    .where(eq(fraudAlerts.id, id))
    .limit(1);
  if (!row) throw new AppError(404, "not_found", "No such fraud alert.");
  return toAlertView(row.alert, row.user);
}

export { ALERT_DECISIONS, type AlertDecision } from "./values";

/** An admin moves an alert along: investigating, resolved (acted on) or false positive. */
export async function decideAlert(
  ctx: DomainContext,
  actor: AdminActor,
  id: string,
  input: { status: AlertDecision; note?: string | null },
): Promise<AlertView> {
  requireAdmin(actor);
  const current = await getAlert(ctx, actor, id);
  if (current.status === input.status) throw new AppError(409, "no_change", `The alert is already ${input.status.replace("_", " ")}.`);
  const now = ctx.clock.now();
  const closing = input.status !== "investigating";
  await ctx.db.batch([
    ctx.db
      .update(fraudAlerts)
      .set({
        status: input.status,
        note: input.note ?? current.note,
        decidedBy: closing ? actor.user.id : null,
        decidedAt: closing ? now : null,
        updatedAt: now,
      })
      .where(eq(fraudAlerts.id, id)),
    auditStatement(ctx, {
      type: "admin.fraud_alert_updated",
      ...auditMeta(actor),
      subjectType: "fraud_alert",
      subjectId: id,
      data: { from: current.status, to: input.status, note: input.note ?? null, userId: current.userId },
    }),
  ]);
  return getAlert(ctx, actor, id);
}

/** Counts for the admin overview: every alert by severity and by status, and open ones by severity. */
export async function alertsSummary(ctx: DomainContext, actor: AdminActor) {
  requireAdmin(actor);
  const rows = await ctx.db
    .select({ level: fraudAlerts.level, status: fraudAlerts.status, n: sql<number>`count(*)` })
    .from(fraudAlerts)
    .groupBy(fraudAlerts.level, fraudAlerts.status);
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const bySeverity = zero(RISK_LEVELS);
  const byStatus = zero(FRAUD_ALERT_STATUSES);
  const openBySeverity = zero(RISK_LEVELS);
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    bySeverity[r.level] += n;
    byStatus[r.status] += n;
    if ((OPEN_ALERT_STATUSES as readonly string[]).includes(r.status)) openBySeverity[r.level] += n;
    total += n;
  }
  return { total, bySeverity, byStatus, openBySeverity };
}
