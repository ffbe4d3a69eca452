import { and, desc, eq, lt } from "drizzle-orm";
import { payouts, type Payout, type User } from "../../../db/schema";
import { requireMoneyReady } from "../contract-core/access";
import { paymentsOf, type DomainContext } from "../context";
import { AppError } from "../errors";
import { ledgerAccounts } from "../ledger/accounts";
import { accountBalance } from "../ledger/balances";
import { commitMoneyBatch, DuplicateKeyError } from "../ledger/batch";
import { keyReused, requestIdempotencyKey } from "../ledger/idempotency";
import { ledgerTransactionStatements } from "../ledger/ledger";
import { auditStatement } from "../shared/audit";
import { issuePayoutInvoice, issueQuietly } from "../invoices/issue";
import { requireNoPayoutHold } from "./holds";

export const PAYOUT_PAGE_MAX = 50;

export function toPayoutView(p: Payout) {
  return {
    id: p.id,
    provider: p.provider,
    sandbox: p.provider === "sandbox",
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    providerRef: p.providerRef,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
  };
}
export type PayoutView = ReturnType<typeof toPayoutView>;

async function payoutByKey(ctx: DomainContext, key: string) {
  const [row] = await ctx.db.select().from(payouts).where(eq(payouts.idempotencyKey, key)).limit(1);
  return row;
}

function replayOf(prior: Payout, input: { amount: number; currency: string }) {
  if (prior.amount !== input.amount || prior.currency !== input.currency) throw keyReused();
  return { payout: toPayoutView(prior), replayed: true };
}

/**
 * The freelancer takes money out of their available balance. Without an Idempotency-Key, the same amount
 * in the same currency on the same UTC day counts as a retry of one request.
 */
export async function requestPayout(
  ctx: DomainContext,
  actor: User,
  input: { amount: number; currency: string; idempotencyKey?: string | null },
): Promise<{ payout: PayoutView; replayed: boolean }> {
  const provider = paymentsOf(ctx).payouts;
  requireMoneyReady(actor);
  const now = ctx.clock.now();
  const key = input.idempotencyKey
    ? requestIdempotencyKey(actor.id, input.idempotencyKey)
    : `payout:${actor.id}:${input.currency}:${input.amount}:${now.toISOString().slice(0, 10)}`;
  const prior = await payoutByKey(ctx, key);
  if (prior) return replayOf(prior, input);
  // A retry of a payout made before the hold still answers with it; a new one waits for the review.
  await requireNoPayoutHold(ctx, actor.id);

  const account = ledgerAccounts.freelancer(actor.id);
  const available = await accountBalance(ctx, account, input.currency);
  if (input.amount > available) {
    throw new AppError(422, "insufficient_funds", "That is more than your available balance.", {
      amount: [`At most ${available} (minor units) is available in ${input.currency}.`],
    });
  }
  const payoutId = ctx.newId();
  const ledger = ledgerTransactionStatements(ctx, {
    kind: "payout",
    idempotencyKey: `payout:${payoutId}`,
    currency: input.currency,
    actorId: actor.id,
    memo: `Payout via ${provider.name}`,
    postings: [
      { account, amount: -input.amount },
      { account: ledgerAccounts.payouts, amount: input.amount },
    ],
  });
  const data = { amount: input.amount, currency: input.currency, provider: provider.name, transactionId: ledger.id };
  try {
    await commitMoneyBatch(ctx, [
      ctx.db.insert(payouts).values({
        id: payoutId,
        userId: actor.id,
        provider: provider.name,
        status: "pending",
        amount: input.amount,
        currency: input.currency,
        idempotencyKey: key,
        createdAt: now,
      }),
      ...ledger.statements,
      auditStatement(ctx, { type: "money.payout", actorId: actor.id, subjectType: "payout", subjectId: payoutId, data }),
    ]);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    const raced = await payoutByKey(ctx, key);
    if (!raced) throw error;
    return replayOf(raced, input);
  }

  try {
    const sent = await provider.sendPayout({ payoutId, userId: actor.id, amount: input.amount, currency: input.currency });
    await ctx.db
      .update(payouts)
      .set({ providerRef: sent.providerRef, ...(sent.status === "paid" ? { status: "paid" as const, paidAt: ctx.clock.now() } : {}) })
      .where(eq(payouts.id, payoutId));
  } catch (error) {
    // The money already left the available balance; the payout stays pending for an operator to retry.
    ctx.log("payout provider failed", { payoutId, provider: provider.name, error: String(error) });
  }
  await issueQuietly(ctx, `payout ${payoutId}`, () => issuePayoutInvoice(ctx, payoutId));
  const [payout] = await ctx.db.select().from(payouts).where(eq(payouts.id, payoutId)).limit(1);
  return { payout: toPayoutView(payout), replayed: false };
}

export async function listPayouts(ctx: DomainContext, userId: string, input: { limit: number; cursor?: string }) {
  const limit = Math.min(Math.max(input.limit, 1), PAYOUT_PAGE_MAX);
  const rows = await ctx.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.userId, userId), input.cursor ? lt(payouts.id, input.cursor) : undefined))
    .orderBy(desc(payouts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(toPayoutView), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
