import { and, eq, inArray, max } from "drizzle-orm";
import { milestones, payments, type Milestone, type User } from "../../../db/schema";
import { contractForParty, requireParty } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { resolveTerms } from "../contract-core/terms";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch } from "../ledger/batch";
import { auditStatement } from "../shared/audit";
import { milestoneForParty, wrongState } from "./access";
import { toMilestoneView, type MilestoneView } from "./view";

export interface MilestoneInput {
  title: string;
  amount: number;
  /** YYYY-MM-DD or null. */
  dueDate?: string | null;
}

/** The client plans a fixed-price milestone while the contract is offered or running. */
export async function addMilestone(ctx: DomainContext, actor: User, contractId: string, input: MilestoneInput): Promise<MilestoneView> {
  const access = await contractForParty(ctx, contractId, actor.id);
  requireParty(access, "client", "add milestones");
  const { contract } = access;
  if (contract.status !== "offered" && contract.status !== "active") {
    throw wrongState("Milestones can only be added while the contract is offered or active.");
  }
  if (resolveTerms(contract, access.projectBudgetType).type !== "fixed") {
    throw new AppError(409, "hourly_contract", "Milestones are for fixed-price contracts; this one is hourly.");
  }
  const [{ last }] = await ctx.db
    .select({ last: max(milestones.position) })
    .from(milestones)
    .where(eq(milestones.contractId, contractId));
  const now = ctx.clock.now();
  const id = ctx.newId();
  const [, [created]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db
      .insert(milestones)
      .values({
        id,
        contractId,
        position: (last ?? 0) + 1,
        title: input.title,
        amount: input.amount,
        currency: contract.currency,
        dueDate: input.dueDate ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    contractEventStatement(ctx, {
      contractId,
      milestoneId: id,
      type: "milestone.added",
      actorId: actor.id,
      data: { title: input.title, amount: input.amount, currency: contract.currency },
    }),
  ])) as [unknown, Milestone[]];
  return toMilestoneView(created);
}

/** The client edits a milestone until it is funded (or a payment for it is under way). */
export async function updateMilestone(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: Partial<MilestoneInput>,
): Promise<MilestoneView> {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "client", "edit milestones");
  const { contract, milestone } = access;
  if (contract.status !== "offered" && contract.status !== "active") throw wrongState("This contract is no longer open for changes.");
  if (milestone.status !== "pending") throw wrongState("Only a milestone that is not funded yet can be edited.");
  const [live] = await ctx.db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.milestoneId, milestoneId), inArray(payments.status, ["pending", "succeeded"])))
    .limit(1);
  if (live) throw wrongState("A payment for this milestone is under way, so it can no longer be edited.");
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.amount !== undefined ? { amount: input.amount } : {}),
    ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
  };
  const [, [updated]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db
      .update(milestones)
      .set({ ...changes, updatedAt: ctx.clock.now() })
      .where(eq(milestones.id, milestoneId))
      .returning(),
    contractEventStatement(ctx, { contractId: contract.id, milestoneId, type: "milestone.updated", actorId: actor.id, data: changes }),
    auditStatement(ctx, {
      type: "contracts.milestone_updated",
      actorId: actor.id,
      subjectType: "milestone",
      subjectId: milestoneId,
      data: changes,
    }),
  ])) as [unknown, Milestone[]];
  return toMilestoneView(updated, access.funds);
}
