import { eq } from "drizzle-orm";
import { disputes, type Dispute, type User } from "../../../db/schema";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { requireOwnedFiles, scopeFilesStatement } from "../shared/file-records";
import { commitMoneyBatch } from "../ledger/batch";
import { milestoneForParty, wrongState } from "../milestones/access";
import { auditStatement } from "../shared/audit";
import { isUniqueViolation } from "../shared/unique-violation";
import { disputeNotices } from "./notify";
import { disputeNotFound, getDispute, loadDisputeRow } from "./queries";
import { DISPUTABLE_MILESTONE_STATUSES, DISPUTE_DECISION_MS, DISPUTE_RESPONSE_MS } from "./rules";
import type { DisputeView } from "./view";

export interface DisputeStatementInput {
  text: string;
  evidenceFileIds?: string[];
}

function alreadyDisputed(): AppError {
  return new AppError(409, "already_disputed", "This milestone already has an open dispute.");
}

/** Either party contests a funded or submitted milestone: its held funds freeze until an outcome. */
export async function openDispute(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: DisputeStatementInput,
): Promise<DisputeView> {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  const { contract, milestone, funds } = access;
  if (contract.status !== "active") throw wrongState("Disputes can only be opened on an active contract.");
  if (!(DISPUTABLE_MILESTONE_STATUSES as readonly string[]).includes(milestone.status) || funds.held <= 0) {
    throw wrongState("Only a funded or submitted milestone, with funds held for it, can be disputed.");
  }
  const target = { scope: "contract", id: contract.id } as const;
  const evidence = await requireOwnedFiles(ctx, actor.id, input.evidenceFileIds ?? [], { field: "evidenceFileIds", target });
  const now = ctx.clock.now();
  const id = ctx.newId();
  const responseDueAt = new Date(now.getTime() + DISPUTE_RESPONSE_MS);
  const row = {
    id,
    contractId: contract.id,
    milestoneId,
    openedBy: actor.id,
    openerRole: access.role,
    status: "open" as const,
    reason: input.text.trim(),
    evidence,
    amount: funds.held,
    currency: milestone.currency,
    responseDueAt,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await commitMoneyBatch(ctx, [
      bumpContractStatement(ctx, contract),
      ctx.db.insert(disputes).values(row),
      scopeFilesStatement(ctx, actor.id, evidence, target),
      contractEventStatement(ctx, {
        contractId: contract.id,
        milestoneId,
        type: "dispute.opened",
        actorId: actor.id,
        data: { disputeId: id, reason: row.reason, amount: funds.held, by: access.role, deadline: responseDueAt.toISOString() },
      }),
      auditStatement(ctx, { type: "disputes.opened", actorId: actor.id, subjectType: "dispute", subjectId: id, data: { milestoneId } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error, "disputes.milestone_id")) throw alreadyDisputed();
    throw error;
  }
  const [created] = await ctx.db.select().from(disputes).where(eq(disputes.id, id));
  await disputeNotices.opened(ctx, contract, created, milestone.title);
  return getDispute(ctx, actor, id);
}

/** The other party answers, with evidence, before the response deadline; then an admin decides. */
export async function respondToDispute(
  ctx: DomainContext,
  actor: User,
  disputeId: string,
  input: DisputeStatementInput,
): Promise<DisputeView> {
  const found = await loadDisputeRow(ctx, disputeId);
  if (!found) throw disputeNotFound();
  const { dispute, contract } = found;
  const responder = dispute.openerRole === "client" ? contract.freelancerId : contract.clientId;
  if (actor.id !== responder) {
    if (actor.id === dispute.openedBy)
      throw new AppError(403, "wrong_party", "Only the other side of the contract can answer this dispute.");
    throw disputeNotFound();
  }
  if (dispute.status !== "open") throw wrongState("This dispute was already answered or decided.");
  const now = ctx.clock.now();
  if (now >= dispute.responseDueAt) throw new AppError(409, "deadline_passed", "The deadline to answer this dispute has passed.");
  const target = { scope: "contract", id: contract.id } as const;
  const evidence = await requireOwnedFiles(ctx, actor.id, input.evidenceFileIds ?? [], { field: "evidenceFileIds", target });
  const decisionDueAt = new Date(now.getTime() + DISPUTE_DECISION_MS);
  const statement = input.text.trim();
  await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ctx.db
      .update(disputes)
      .set({
        status: "answered",
        responseStatement: statement,
        responseEvidence: evidence,
        respondedBy: actor.id,
        respondedAt: now,
        decisionDueAt,
        updatedAt: now,
      })
      .where(eq(disputes.id, disputeId)),
    scopeFilesStatement(ctx, actor.id, evidence, target),
    contractEventStatement(ctx, {
      contractId: contract.id,
      milestoneId: dispute.milestoneId,
      type: "dispute.answered",
      actorId: actor.id,
      data: { disputeId, message: statement, deadline: decisionDueAt.toISOString() },
    }),
    auditStatement(ctx, { type: "disputes.answered", actorId: actor.id, subjectType: "dispute", subjectId: disputeId }),
  ]);
  const updated: Dispute = { ...dispute, status: "answered", decisionDueAt };
  await disputeNotices.answered(ctx, updated, found.milestoneTitle);
  return getDispute(ctx, actor, disputeId);
}
