import type { BatchItem } from "drizzle-orm/batch";
import { and, eq, inArray } from "drizzle-orm";
import { milestones, payments, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { milestoneFunds, NO_FUNDS } from "../ledger/balances";
import { commitMoneyBatch } from "../ledger/batch";
import { heldMovementStatements } from "../milestones/held-funds";
import { issueRefundCreditNotes } from "../invoices/credit-notes";
import { settleAfterMovement } from "../settlement/settle";
import { auditStatement } from "../shared/audit";
import { contractForParty, requireMoneyReady, requireParty, type ContractAccess } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { projectCompletionStatement, projectHiredStatement } from "../projects/lifecycle";
import { contractNotices } from "../contract-core/notify";
import { offerNotices } from "./offer-notices";
import { getContractDetail } from "./queries";
import { mergeTerms, resolveTerms, termsColumns, type TermsChange } from "../contract-core/terms";

function notOffered(): AppError {
  return new AppError(409, "invalid_state", "This contract is no longer an open offer.");
}

/** The client adjusts the offer's terms until the freelancer answers it. */
export async function updateContractTerms(ctx: DomainContext, actor: User, contractId: string, change: TermsChange) {
  const access = await contractForParty(ctx, contractId, actor.id);
  requireParty(access, "client", "change the terms");
  const { contract } = access;
  if (contract.status !== "offered") throw notOffered();
  const current = resolveTerms(contract, access.projectBudgetType);
  const terms = mergeTerms(current, change);
  if (terms.type === "hourly" && current.type === "fixed") {
    const planned = await ctx.db
      .select({ id: milestones.id })
      .from(milestones)
      .where(
        and(eq(milestones.contractId, contractId), inArray(milestones.status, ["pending", "funded", "submitted", "changes_requested"])),
      )
      .limit(1);
    if (planned.length > 0)
      throw new AppError(409, "has_milestones", "Remove or settle the milestones before making this an hourly contract.");
  }
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract, termsColumns(terms)),
    contractEventStatement(ctx, { contractId, type: "contract.terms_updated", actorId: actor.id, data: { ...terms } }),
    auditStatement(ctx, {
      type: "contracts.terms_updated",
      actorId: actor.id,
      subjectType: "contract",
      subjectId: contractId,
      data: { ...terms },
    }),
  ]);
  return getContractDetail(ctx, actor.id, contractId);
}

/** The freelancer takes the offer: the contract starts. */
export async function acceptContract(ctx: DomainContext, actor: User, contractId: string) {
  const access = await contractForParty(ctx, contractId, actor.id);
  requireParty(access, "freelancer", "accept the offer");
  if (access.contract.status !== "offered") throw notOffered();
  const terms = resolveTerms(access.contract, access.projectBudgetType);
  await commitMoneyBatch(ctx, [
    // The terms as accepted are written down, so later reads never depend on the project's budget type.
    bumpContractStatement(ctx, access.contract, { ...termsColumns(terms), status: "active", acceptedAt: ctx.clock.now() }),
    contractEventStatement(ctx, { contractId, type: "contract.accepted", actorId: actor.id, data: { ...terms } }),
    projectHiredStatement(ctx, access.contract.projectId),
    auditStatement(ctx, { type: "contracts.accepted", actorId: actor.id, subjectType: "contract", subjectId: contractId }),
  ]);
  await contractNotices.accepted(ctx, access.contract, access.contract.title ?? access.projectTitle, terms.type);
  return getContractDetail(ctx, actor.id, contractId);
}

/**
 * What closing a contract writes for its milestones: funds still held go back to the client, unfunded
 * milestones are cancelled and payments not yet confirmed are cancelled.
 */
async function closingStatements(ctx: DomainContext, access: ContractAccess, actor: User): Promise<BatchItem<"sqlite">[]> {
  const { contract } = access;
  const list = await ctx.db.select().from(milestones).where(eq(milestones.contractId, contract.id));
  const funds = await milestoneFunds(ctx, [contract.id]);
  const now = ctx.clock.now();
  const statements: BatchItem<"sqlite">[] = [];
  for (const milestone of list) {
    const held = funds.get(milestone.id) ?? NO_FUNDS;
    if (held.held > 0) {
      const refund = heldMovementStatements(
        ctx,
        { contract, milestone, funds: held },
        {
          kind: "refund",
          amount: held.held,
          reason: "Contract closed",
          idempotencyKey: `close-refund:${milestone.id}`,
          actorId: actor.id,
          eventType: "milestone.refunded",
          statusWhenEmpty: "refunded",
        },
        null,
      );
      statements.push(...refund.statements);
    } else if (milestone.status === "pending") {
      statements.push(
        ctx.db.update(milestones).set({ status: "cancelled", updatedAt: now }).where(eq(milestones.id, milestone.id)),
        contractEventStatement(ctx, { contractId: contract.id, milestoneId: milestone.id, type: "milestone.cancelled", actorId: actor.id }),
      );
    }
  }
  statements.push(
    ctx.db
      .update(payments)
      .set({ status: "cancelled" })
      .where(and(eq(payments.contractId, contract.id), eq(payments.status, "pending"))),
  );
  return statements;
}

/** Milestones refunded by closing the contract get their credit notes, and card-funded ones their refunds at Stripe. */
async function settleClosedContract(ctx: DomainContext, contractId: string): Promise<void> {
  const list = await ctx.db.select({ id: milestones.id }).from(milestones).where(eq(milestones.contractId, contractId));
  await issueRefundCreditNotes(
    ctx,
    list.map((m) => m.id),
  );
  await settleAfterMovement(
    ctx,
    list.map((m) => m.id),
  );
}

/** The freelancer turns the offer down; anything the client already funded goes back to them. */
export async function declineContract(ctx: DomainContext, actor: User, contractId: string, input: { reason?: string | null }) {
  const access = await contractForParty(ctx, contractId, actor.id);
  requireParty(access, "freelancer", "decline the offer");
  requireMoneyReady(actor);
  if (access.contract.status !== "offered") throw notOffered();
  const reason = input.reason?.trim() || null;
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, access.contract, { status: "declined", endedAt: ctx.clock.now(), endedBy: actor.id, endReason: reason }),
    ...(await closingStatements(ctx, access, actor)),
    contractEventStatement(ctx, { contractId, type: "contract.declined", actorId: actor.id, data: { reason } }),
    projectCompletionStatement(ctx, access.contract.projectId, contractId),
    auditStatement(ctx, { type: "contracts.declined", actorId: actor.id, subjectType: "contract", subjectId: contractId }),
  ]);
  await settleClosedContract(ctx, contractId);
  await offerNotices.declined(ctx, access.contract, {
    freelancerName: actor.name,
    title: access.contract.title ?? access.projectTitle,
    reason,
  });
  return getContractDetail(ctx, actor.id, contractId);
}

/**
 * Either party ends an active contract. Submitted work must be decided first; funds held for milestones
 * not yet submitted go back to the client (disputes, a later part, will let a freelancer contest this).
 */
export async function endContract(ctx: DomainContext, actor: User, contractId: string, input: { reason: string }) {
  const access = await contractForParty(ctx, contractId, actor.id);
  requireMoneyReady(actor);
  if (access.contract.status !== "active") throw new AppError(409, "invalid_state", "Only an active contract can be ended.");
  const [awaiting] = await ctx.db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(eq(milestones.contractId, contractId), eq(milestones.status, "submitted")))
    .limit(1);
  if (awaiting) {
    throw new AppError(
      409,
      "milestone_awaiting_decision",
      "Submitted work is waiting for the client's decision: approve it or ask for changes first.",
    );
  }
  const reason = input.reason.trim();
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, access.contract, { status: "ended", endedAt: ctx.clock.now(), endedBy: actor.id, endReason: reason }),
    ...(await closingStatements(ctx, access, actor)),
    contractEventStatement(ctx, { contractId, type: "contract.ended", actorId: actor.id, data: { reason, by: access.role } }),
    projectCompletionStatement(ctx, access.contract.projectId, contractId),
    auditStatement(ctx, { type: "contracts.ended", actorId: actor.id, subjectType: "contract", subjectId: contractId, data: { reason } }),
  ]);
  await settleClosedContract(ctx, contractId);
  await contractNotices.ended(ctx, access.contract, { by: access.role, title: access.projectTitle, reason });
  return getContractDetail(ctx, actor.id, contractId);
}
