/**
 * The fraud sweep: scores every user, project and payment with activity in a recent window and raises
 * alerts for those at or above the threshold. Safe to repeat (raiseAlerts keeps one open alert per
 * subject), and a handful of batched queries however much happened.
 */
import { and, gte, lte } from "drizzle-orm";
import { messages, payments, projects, proposals, sessions, users } from "../../../db/schema";
import type { DomainContext } from "../context";
import { raiseAlerts, type AlertCandidate, type RaiseResult } from "./alerts";
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
  const [signups, signins, sent, written, posted, paid] = await Promise.all([
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
    ctx.db
      .select()
      .from(projects)
      .where(and(gte(projects.createdAt, since), lte(projects.createdAt, now))),
    ctx.db
      .select()
      .from(payments)
      .where(and(gte(payments.createdAt, since), lte(payments.createdAt, now))),
  ]);
  const userIds = [
    ...new Set(
      [...signups, ...signins, ...sent, ...written]
        .map((r) => r.id)
        .concat(
          posted.map((p) => p.clientId),
          paid.map((p) => p.payerId),
        ),
    ),
  ];
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
  return { since, now, scored };
}

const SUBJECT_TYPE = { user_risk: "user", project_risk: "project", payment_risk: "payment" } as const;

export async function runFraudSweep(ctx: DomainContext, windowMs: number): Promise<SweepResult> {
  const { since, now, scored } = await scoreRecentActivity(ctx, windowMs);
  const flagged = scored.filter((s) => s.risk.score >= ALERT_THRESHOLD);
  const raised = await raiseAlerts(
    ctx,
    flagged.map((s) => ({ ...s, subjectType: SUBJECT_TYPE[s.kind] })),
  );
  return {
    windowStart: since.toISOString(),
    windowEnd: now.toISOString(),
    scored: {
      users: scored.filter((s) => s.kind === "user_risk").length,
      projects: scored.filter((s) => s.kind === "project_risk").length,
      payments: scored.filter((s) => s.kind === "payment_risk").length,
    },
    flagged: flagged.length,
    ...raised,
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
