import { eq } from "drizzle-orm";
import { contracts, ledgerEntries, ledgerTransactions, stripeTransfers, type User } from "../../../db/schema";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { isTaxAccount, ledgerAccounts } from "../ledger/accounts";
import { commitMoneyBatch, DuplicateKeyError } from "../ledger/batch";
import { priorTransaction } from "../ledger/idempotency";
import { ledgerTransactionStatements } from "../ledger/ledger";
import { auditStatement } from "../shared/audit";
import { issueRefundCreditNotes } from "../invoices/credit-notes";
import { settleAfterMovement } from "../settlement/settle";

export interface ReverseResult {
  transactionId: string;
  amount: number;
  currency: string;
  replayed: boolean;
}

/**
 * An admin gives the money of one release back to the client after it was paid (a chargeback, a decision
 * made after release): the freelancer's share comes back from wherever it went (their balance, or their
 * Stripe account when it was transferred) and the platform returns its fee. For card-funded milestones
 * the settlement then reverses the transfer and refunds the card. Each release can be reversed once.
 */
export async function reverseRelease(
  ctx: DomainContext,
  actor: User,
  releaseTransactionId: string,
  input: { reason: string },
): Promise<ReverseResult> {
  if (!actor.roles.includes("admin")) throw new AppError(403, "forbidden", "Only admins can reverse a release.");
  const [release] = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, releaseTransactionId)).limit(1);
  if (!release || release.kind !== "release" || !release.contractId || !release.milestoneId)
    throw new AppError(404, "not_found", "No such release.");
  const key = `reverse-release:${release.id}`;
  const prior = await priorTransaction(ctx, key, { kind: "refund", milestoneId: release.milestoneId });
  const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, release.contractId)).limit(1);
  const entries = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, release.id));
  const amountOn = (account: string) => entries.find((e) => e.account === account)?.amount ?? 0;
  const total = -amountOn(ledgerAccounts.escrow(contract.id));
  if (prior) return { transactionId: prior.id, amount: total, currency: release.currency, replayed: true };
  const share = amountOn(ledgerAccounts.freelancer(contract.freelancerId));
  const fee = amountOn(ledgerAccounts.platformFees);
  const [transfer] = await ctx.db.select().from(stripeTransfers).where(eq(stripeTransfers.releaseTransactionId, release.id)).limit(1);
  // A share already sent to Stripe comes back by reversing that transfer; otherwise it is still in the balance.
  const shareFrom = transfer && transfer.status !== "skipped" ? ledgerAccounts.payouts : ledgerAccounts.freelancer(contract.freelancerId);
  const reason = input.reason.trim();
  const ledger = ledgerTransactionStatements(ctx, {
    kind: "refund",
    idempotencyKey: key,
    currency: release.currency,
    contractId: contract.id,
    milestoneId: release.milestoneId,
    actorId: actor.id,
    memo: reason,
    postings: [
      { account: shareFrom, amount: -share },
      { account: ledgerAccounts.platformFees, amount: -fee },
      // The VAT or GST collected on the fee goes back with it.
      ...entries.filter((e) => isTaxAccount(e.account)).map((e) => ({ account: e.account, amount: -e.amount })),
      { account: ledgerAccounts.clientRefunds(contract.clientId), amount: total },
    ],
  });
  const data = { amount: total, currency: release.currency, reason, releaseTransactionId: release.id, afterRelease: true };
  try {
    await commitMoneyBatch(ctx, [
      bumpContractStatement(ctx, contract),
      ...ledger.statements,
      contractEventStatement(ctx, {
        contractId: contract.id,
        milestoneId: release.milestoneId,
        type: "milestone.refunded",
        actorId: actor.id,
        data,
      }),
      auditStatement(ctx, {
        type: "money.release_reversed",
        actorId: actor.id,
        subjectType: "milestone",
        subjectId: release.milestoneId,
        data: { ...data, transactionId: ledger.id },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const raced = await priorTransaction(ctx, key, { kind: "refund", milestoneId: release.milestoneId });
    return { transactionId: raced!.id, amount: total, currency: release.currency, replayed: true };
  }
  await issueRefundCreditNotes(ctx, [release.milestoneId]);
  await settleAfterMovement(ctx, [release.milestoneId]);
  return { transactionId: ledger.id, amount: total, currency: release.currency, replayed: false };
}
