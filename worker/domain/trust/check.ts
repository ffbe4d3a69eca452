/** Risk of one user, project, proposal or payment, now: what the admin fraud-check endpoints answer. */
import { eq } from "drizzle-orm";
import { payments, projects, proposals } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { gatherPaymentFacts, gatherProjectFacts, gatherUserFacts } from "./facts";
import { paymentSignals, projectSignals, proposalSignals, scoreOf, userSignals, type RiskScore } from "./signals";
import { DAY_MS } from "./weights";

/** On demand, activity (proposals, messages) counts over the last week. */
export const CHECK_ACTIVITY_MS = 7 * DAY_MS;

const notFound = (what: string) => new AppError(404, "not_found", `No such ${what}.`);

export async function userRisk(ctx: DomainContext, userId: string): Promise<RiskScore> {
  const now = ctx.clock.now();
  const facts = (await gatherUserFacts(ctx, [userId], now, new Date(now.getTime() - CHECK_ACTIVITY_MS))).get(userId);
  if (!facts) throw notFound("user");
  return scoreOf(userSignals(facts, now));
}

export async function projectRisk(ctx: DomainContext, projectId: string): Promise<RiskScore & { clientId: string }> {
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!project) throw notFound("project");
  const facts = (await gatherProjectFacts(ctx, [project])).get(project.id)!;
  return { ...scoreOf(projectSignals(facts, ctx.clock.now())), clientId: project.clientId };
}

export async function proposalRisk(
  ctx: DomainContext,
  proposalId: string,
): Promise<RiskScore & { freelancerId: string; projectId: string }> {
  const [row] = await ctx.db
    .select({ proposal: proposals, project: projects })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.id, proposalId))
    .limit(1);
  if (!row) throw notFound("proposal");
  const sender = await userRisk(ctx, row.proposal.freelancerId);
  const signals = proposalSignals({
    coverLetter: row.proposal.coverLetter,
    bidAmount: row.proposal.bidAmount,
    budgetType: row.project.budgetType,
    budgetMin: row.project.budgetMin,
    sender,
  });
  return { ...scoreOf(signals), freelancerId: row.proposal.freelancerId, projectId: row.project.id };
}

export async function paymentRisk(ctx: DomainContext, paymentId: string): Promise<RiskScore & { payerId: string }> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!payment) throw notFound("payment");
  const facts = (await gatherPaymentFacts(ctx, [payment], ctx.clock.now())).get(payment.id)!;
  return { ...scoreOf(paymentSignals(facts)), payerId: payment.payerId };
}
