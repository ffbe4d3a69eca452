import { and, eq, isNull } from "drizzle-orm";
import {
  contracts,
  ledgerEntries,
  ledgerTransactions,
  milestones,
  payouts,
  stripeAccounts,
  stripeTransfers,
  type StripeTransfer,
} from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { ledgerAccounts } from "../ledger/accounts";
import { commitMoneyBatch, DuplicateKeyError } from "../ledger/batch";
import { ledgerTransactionStatements } from "../ledger/ledger";
import { auditStatement } from "../shared/audit";
import { activePayoutHold } from "../wallet/holds";
import type { CardFunding } from "./charges";
import type { StripeGateway } from "./gateway";

/** Stripe's own idempotency key for the transfer paying out one release: the same on every retry. */
export const transferKey = (releaseTransactionId: string) => `transfer:${releaseTransactionId}`;

async function freelancerOf(ctx: DomainContext, milestoneId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ freelancerId: contracts.freelancerId })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, milestoneId))
    .limit(1);
  return row.freelancerId;
}

/**
 * Writes the transfer for each release of a card-funded milestone that has none yet: the freelancer's share
 * leaves their balance as a payout to their Stripe account, in one batch with the transfer's row. Releases
 * wait (nothing written) while the freelancer has no Stripe account that can receive payouts, or while
 * their payouts are on hold; the daily sweep picks them up afterwards.
 */
export async function recordTransfers(ctx: DomainContext, funding: CardFunding): Promise<{ waiting: number }> {
  const { payment, charge } = funding;
  const releases = await ctx.db
    .select({ id: ledgerTransactions.id, currency: ledgerTransactions.currency })
    .from(ledgerTransactions)
    .leftJoin(stripeTransfers, eq(stripeTransfers.releaseTransactionId, ledgerTransactions.id))
    .where(
      and(eq(ledgerTransactions.milestoneId, payment.milestoneId), eq(ledgerTransactions.kind, "release"), isNull(stripeTransfers.id)),
    );
  if (releases.length === 0) return { waiting: 0 };
  const freelancerId = await freelancerOf(ctx, payment.milestoneId);
  const [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, freelancerId)).limit(1);
  // Under review (a payout hold), card money waits in the balance like any other payout.
  if (!account?.payoutsEnabled || (await activePayoutHold(ctx, freelancerId))) return { waiting: releases.length };

  for (const release of releases) {
    const [entry] = await ctx.db
      .select({ amount: ledgerEntries.amount })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.transactionId, release.id), eq(ledgerEntries.account, ledgerAccounts.freelancer(freelancerId))));
    const share = entry?.amount ?? 0;
    const row = {
      id: ctx.newId(),
      releaseTransactionId: release.id,
      paymentId: payment.id,
      milestoneId: payment.milestoneId,
      userId: freelancerId,
      destination: account.accountId,
      sourceCharge: charge.chargeId,
      amount: share,
      currency: release.currency,
      idempotencyKey: transferKey(release.id),
      createdAt: ctx.clock.now(),
    };
    if (share <= 0) {
      await ctx.db
        .insert(stripeTransfers)
        .values({ ...row, status: "skipped", lastError: "nothing to transfer" })
        .onConflictDoNothing();
      continue;
    }
    const payoutId = ctx.newId();
    const ledger = ledgerTransactionStatements(ctx, {
      kind: "payout",
      idempotencyKey: `stripe-transfer:${release.id}`,
      currency: release.currency,
      contractId: payment.contractId,
      milestoneId: payment.milestoneId,
      actorId: null,
      memo: "Transfer to the freelancer's Stripe account",
      postings: [
        { account: ledgerAccounts.freelancer(freelancerId), amount: -share },
        { account: ledgerAccounts.payouts, amount: share },
      ],
    });
    try {
      await commitMoneyBatch(ctx, [
        ctx.db.insert(payouts).values({
          id: payoutId,
          userId: freelancerId,
          provider: "stripe",
          status: "pending",
          amount: share,
          currency: release.currency,
          idempotencyKey: `stripe-transfer:${release.id}`,
          createdAt: ctx.clock.now(),
        }),
        ...ledger.statements,
        ctx.db.insert(stripeTransfers).values({ ...row, payoutId }),
        auditStatement(ctx, {
          type: "money.stripe_transfer",
          subjectType: "milestone",
          subjectId: payment.milestoneId,
          data: { amount: share, currency: release.currency, releaseTransactionId: release.id, transactionId: ledger.id },
        }),
      ]);
    } catch (error) {
      if (error instanceof DuplicateKeyError) continue;
      if (error instanceof AppError && error.code === "insufficient_funds") {
        // The share already left the balance another way (a payout before Stripe was connected): never pay twice.
        await ctx.db
          .insert(stripeTransfers)
          .values({ ...row, status: "skipped", lastError: "the share was already paid out from the balance" })
          .onConflictDoNothing();
        continue;
      }
      throw error;
    }
  }
  return { waiting: 0 };
}

/** Sends one recorded transfer; a retry reuses its idempotency key, so Stripe creates it once. */
export async function sendTransfer(ctx: DomainContext, stripe: StripeGateway, transfer: StripeTransfer): Promise<boolean> {
  try {
    const sent = await stripe.createTransfer({
      amount: transfer.amount,
      currency: transfer.currency,
      destination: transfer.destination ?? "",
      sourceTransaction: transfer.sourceCharge,
      transferGroup: transfer.milestoneId,
      metadata: { release_transaction_id: transfer.releaseTransactionId, milestone_id: transfer.milestoneId },
      idempotencyKey: transfer.idempotencyKey,
    });
    const now = ctx.clock.now();
    await ctx.db.batch([
      ctx.db
        .update(stripeTransfers)
        .set({ status: "sent", transferId: sent.id, sentAt: now, attempts: transfer.attempts + 1, lastError: null })
        .where(eq(stripeTransfers.id, transfer.id)),
      ctx.db
        .update(payouts)
        .set({ status: "paid", providerRef: sent.id, paidAt: now })
        .where(eq(payouts.id, transfer.payoutId ?? "")),
    ]);
    return true;
  } catch (error) {
    ctx.log("stripe transfer failed, will retry", { transferId: transfer.id, error: String(error) });
    await ctx.db
      .update(stripeTransfers)
      .set({ attempts: transfer.attempts + 1, lastError: String(error).slice(0, 500) })
      .where(eq(stripeTransfers.id, transfer.id));
    return false;
  }
}
