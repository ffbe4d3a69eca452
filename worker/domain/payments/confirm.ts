import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { clientProfiles, contracts, milestones, payments, type Payment } from "../../../db/schema";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { contractNotices } from "../contract-core/notify";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { ledgerAccounts } from "../ledger/accounts";
import { commitMoneyBatch, DuplicateKeyError, isChangedMeanwhile } from "../ledger/batch";
import { ledgerTransactionStatements } from "../ledger/ledger";
import { auditStatement } from "../shared/audit";
import { issueChargeInvoice, issueQuietly } from "../invoices/issue";
import { isTimesheetCharge } from "./timesheet-keys";

export interface ConfirmResult {
  payment: Payment;
  /** False when this confirmation was a repeat (or the payment was no longer waiting). */
  credited: boolean;
}

const STALE_RETRIES = 3;

async function paymentByRef(ctx: DomainContext, providerRef: string): Promise<Payment> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.providerRef, providerRef)).limit(1);
  if (!payment) throw new AppError(404, "payment_not_found", "No payment with this provider reference.");
  return payment;
}

/**
 * A provider says a payment succeeded: credit the funds held for its milestone, exactly once. Provider
 * webhooks (Stripe, on-chain watchers) and the sandbox all come through here; repeats change nothing.
 */
export async function confirmPayment(
  ctx: DomainContext,
  providerRef: string,
  /** Written in the same batch as the credit (e.g. the on-chain transfer it consumed); rolled back with it. */
  alongside: BatchItem<"sqlite">[] = [],
): Promise<ConfirmResult> {
  for (let attempt = 1; ; attempt++) {
    const payment = await paymentByRef(ctx, providerRef);
    if (payment.status !== "pending") {
      // A late success for a cancelled payment needs a refund; the provider adapters that can produce one handle it.
      if (payment.status !== "succeeded")
        ctx.log("confirmation for a payment that is not pending", { paymentId: payment.id, status: payment.status });
      // A repeat still makes sure the charge has its invoice (issued once, by the payment's unique key).
      else await issueQuietly(ctx, `charge ${payment.id}`, () => issueChargeInvoice(ctx, payment.id));
      return { payment, credited: false };
    }
    try {
      const result = await creditPayment(ctx, payment, alongside);
      await issueQuietly(ctx, `charge ${payment.id}`, () => issueChargeInvoice(ctx, payment.id));
      return result;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return { payment: await paymentByRef(ctx, providerRef), credited: false };
      // Someone changed the contract between our read and write: read again and retry.
      if (isChangedMeanwhile(error) && attempt < STALE_RETRIES) continue;
      throw error;
    }
  }
}

async function creditPayment(ctx: DomainContext, payment: Payment, alongside: BatchItem<"sqlite">[]): Promise<ConfirmResult> {
  const [row] = await ctx.db
    .select({ contract: contracts, milestone: milestones })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, payment.milestoneId))
    .limit(1);
  const { contract, milestone } = row;
  const now = ctx.clock.now();
  const ledger = ledgerTransactionStatements(ctx, {
    kind: "funding",
    idempotencyKey: `payment:${payment.id}`,
    currency: payment.currency,
    contractId: contract.id,
    milestoneId: milestone.id,
    actorId: payment.payerId,
    memo: `Funding via ${payment.provider}`,
    postings: [
      { account: ledgerAccounts.clientFunding(payment.payerId), amount: -payment.amount },
      { account: ledgerAccounts.escrow(contract.id), amount: payment.amount },
    ],
  });
  const data = { amount: payment.amount, currency: payment.currency, provider: payment.provider, paymentId: payment.id };
  // An approved week of hours is charged after the work, and paid out at once: hourly words, and no "funded" notice.
  const hourly = isTimesheetCharge(payment);
  const [, , , [confirmed]] = (await commitMoneyBatch(ctx, [
    bumpContractStatement(ctx, contract),
    ...ledger.statements,
    ctx.db
      .update(payments)
      .set({ status: "succeeded", confirmedAt: now })
      .where(and(eq(payments.id, payment.id), eq(payments.status, "pending")))
      .returning(),
    ctx.db
      .update(milestones)
      .set({ status: "funded", fundedAt: now, updatedAt: now })
      .where(and(eq(milestones.id, milestone.id), eq(milestones.status, "pending"))),
    contractEventStatement(ctx, {
      contractId: contract.id,
      milestoneId: milestone.id,
      type: hourly ? "timesheet.charged" : "milestone.funded",
      actorId: payment.payerId,
      data,
    }),
    auditStatement(ctx, {
      type: "money.funding",
      actorId: payment.payerId,
      subjectType: "milestone",
      subjectId: milestone.id,
      data: { ...data, transactionId: ledger.id },
    }),
    // The client's payment method worked: "payment method verified" from now on, in the same transaction as the money.
    ctx.db
      .insert(clientProfiles)
      .values({ userId: payment.payerId, paymentVerified: true, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: clientProfiles.userId, set: { paymentVerified: true, updatedAt: now } }),
    ...alongside,
  ])) as [unknown, unknown, unknown, Payment[]];
  if (!hourly) await contractNotices.funded(ctx, contract, milestone);
  return { payment: confirmed, credited: true };
}
