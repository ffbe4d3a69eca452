import type { LedgerKind, LedgerTransaction, User } from "../../../db/schema";
import { requireMoneyReady, requireParty } from "../contract-core/access";
import { bumpContractStatement } from "../contract-core/events";
import { contractNotices } from "../contract-core/notify";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch, DuplicateKeyError, isChangedMeanwhile } from "../ledger/batch";
import { taxBuyerFor } from "../invoices/billing";
import { issueRefundCreditNotes } from "../invoices/credit-notes";
import { taxTreatmentFor } from "../tax/treatment";
import { issueFeeInvoice, issueQuietly } from "../invoices/issue";
import { priorTransaction, requestIdempotencyKey, shortHash } from "../ledger/idempotency";
import { settleAfterMovement } from "../settlement/settle";
import { milestoneForParty, wrongState, type MilestoneAccess } from "./access";
import { heldMovementStatements, type HeldMovement } from "./held-funds";
import { refundRefusal } from "./refund-policy";
import { toMilestoneView, type MilestoneView } from "./view";

export interface MilestoneMoneyResult {
  milestone: MilestoneView;
  transactionId: string | null;
  /** True when this answers a retry: the money moved on the first attempt, not now. */
  replayed: boolean;
}

async function replay(ctx: DomainContext, actor: User, prior: LedgerTransaction): Promise<MilestoneMoneyResult> {
  const access = await milestoneForParty(ctx, prior.milestoneId as string, actor.id);
  return { milestone: toMilestoneView(access.milestone, access.funds), transactionId: prior.id, replayed: true };
}

/** Commits one held-funds movement; a racing retry with the same key gets the first attempt's result. */
export async function commitHeldMovement(
  ctx: DomainContext,
  access: MilestoneAccess,
  movement: HeldMovement,
  replayAs: User | null,
): Promise<MilestoneMoneyResult> {
  // The fee's tax follows the freelancer's billing details at the moment of release.
  const feeTax =
    movement.kind === "release" ? taxTreatmentFor(await taxBuyerFor(ctx, access.contract.freelancerId), ctx.clock.now()) : null;
  const { transactionId, statements } = heldMovementStatements(ctx, access, movement, feeTax);
  try {
    await commitMoneyBatch(ctx, [bumpContractStatement(ctx, access.contract), ...statements]);
  } catch (error) {
    // A racing twin of this request wins either on the key or on the contract version; both mean "answer with its result".
    if (!(error instanceof DuplicateKeyError || isChangedMeanwhile(error)) || !replayAs) throw error;
    const prior = await priorTransaction(ctx, movement.idempotencyKey, { kind: movement.kind, milestoneId: access.milestone.id });
    if (!prior) throw error;
    return replay(ctx, replayAs, prior);
  }
  if (movement.kind === "release") await issueQuietly(ctx, `fee ${transactionId}`, () => issueFeeInvoice(ctx, transactionId));
  else await issueRefundCreditNotes(ctx, [access.milestone.id]);
  // Card-funded money follows at Stripe: a transfer for a release, a refund of the charge for a refund.
  await settleAfterMovement(ctx, [access.milestone.id]);
  const after = await milestoneForParty(ctx, access.milestone.id, access.contract.clientId);
  return { milestone: toMilestoneView(after.milestone, after.funds), transactionId, replayed: false };
}

async function clientMoneyAction(ctx: DomainContext, actor: User, milestoneId: string, action: string) {
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "client", action);
  requireMoneyReady(actor);
  return access;
}

async function keyFor(actor: User, headerKey: string | null | undefined, derived: () => Promise<string> | string) {
  return headerKey ? requestIdempotencyKey(actor.id, headerKey) : await derived();
}

async function priorFor(ctx: DomainContext, actor: User, key: string, kind: LedgerKind, milestoneId: string) {
  const prior = await priorTransaction(ctx, key, { kind, milestoneId });
  return prior ? replay(ctx, actor, prior) : null;
}

function checkAmount(amount: number, held: number): void {
  if (amount > held) {
    throw new AppError(422, "amount_too_large", "That is more than the funds held for this milestone.", {
      amount: [`At most ${held} (minor units) is held for this milestone.`],
    });
  }
}

/** The client accepts submitted work: everything held for the milestone goes to the freelancer, less the fee. */
export async function approveMilestone(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: { idempotencyKey?: string | null } = {},
) {
  const access = await clientMoneyAction(ctx, actor, milestoneId, "approve work");
  const key = await keyFor(actor, input.idempotencyKey, () => `approve:${milestoneId}`);
  const prior = await priorFor(ctx, actor, key, "release", milestoneId);
  if (prior) return prior;
  if (access.contract.status !== "active") throw wrongState("Work can only be approved on an active contract.");
  if (access.milestone.status !== "submitted") throw wrongState("Only submitted work can be approved.");
  if (access.funds.held <= 0) throw wrongState("Nothing is held for this milestone.");
  const result = await commitHeldMovement(
    ctx,
    access,
    {
      kind: "release",
      amount: access.funds.held,
      reason: "Approved",
      idempotencyKey: key,
      actorId: actor.id,
      eventType: "milestone.approved",
      statusWhenEmpty: "approved",
    },
    actor,
  );
  if (!result.replayed) await contractNotices.approved(ctx, access.contract, access.milestone, false);
  return result;
}

/** The client pays out part (or all) of a milestone early, with a reason, before or after submission. */
export async function releaseHeldFunds(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: { amount: number; reason: string; idempotencyKey?: string | null },
): Promise<MilestoneMoneyResult> {
  const access = await clientMoneyAction(ctx, actor, milestoneId, "release funds");
  const reason = input.reason.trim();
  const key = await keyFor(actor, input.idempotencyKey, async () => `release:${milestoneId}:${input.amount}:${await shortHash(reason)}`);
  const prior = await priorFor(ctx, actor, key, "release", milestoneId);
  if (prior) return prior;
  if (access.contract.status !== "active") throw wrongState("Funds can only be released on an active contract.");
  if (!["funded", "submitted", "changes_requested"].includes(access.milestone.status))
    throw wrongState("Nothing is held for this milestone.");
  checkAmount(input.amount, access.funds.held);
  const result = await commitHeldMovement(
    ctx,
    access,
    {
      kind: "release",
      amount: input.amount,
      reason,
      idempotencyKey: key,
      actorId: actor.id,
      eventType: "milestone.released",
      statusWhenEmpty: "approved",
    },
    actor,
  );
  if (!result.replayed && result.milestone.status === "approved")
    await contractNotices.approved(ctx, access.contract, access.milestone, false);
  return result;
}

/** Held funds go back to the client, as far as the refund policy allows. */
export async function refundHeldFunds(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: { amount: number; reason: string; idempotencyKey?: string | null },
): Promise<MilestoneMoneyResult> {
  const access = await clientMoneyAction(ctx, actor, milestoneId, "ask for a refund");
  const reason = input.reason.trim();
  const key = await keyFor(actor, input.idempotencyKey, async () => `refund:${milestoneId}:${input.amount}:${await shortHash(reason)}`);
  const prior = await priorFor(ctx, actor, key, "refund", milestoneId);
  if (prior) return prior;
  const refusal = refundRefusal({ kind: "party", role: access.role }, access.contract, access.milestone);
  if (refusal) throw refusal;
  checkAmount(input.amount, access.funds.held);
  return commitHeldMovement(
    ctx,
    access,
    {
      kind: "refund",
      amount: input.amount,
      reason,
      idempotencyKey: key,
      actorId: actor.id,
      eventType: "milestone.refunded",
      statusWhenEmpty: "refunded",
    },
    actor,
  );
}
