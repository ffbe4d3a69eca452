import { and, eq, inArray } from "drizzle-orm";
import { cryptoTransfers, payments, type Payment, type User } from "../../../db/schema";
import { requireParty } from "../contract-core/access";
import { paymentsOf, type DomainContext } from "../context";
import { requireCurrency } from "../currency/currencies";
import { AppError } from "../errors";
import { milestoneForParty, wrongState } from "../milestones/access";
import { toMilestoneView } from "../milestones/view";
import { confirmPayment } from "./confirm";
import { formatTokenUnits, tokenUnitsFor, USDC_FUNDS_CURRENCY, type OnchainTransfer, type UsdcChain } from "./crypto";
import { fundMilestone, pendingPaymentConflict, toPaymentView } from "./fund";
import type { PaymentProviders } from "./provider";

export interface VerifyCryptoInput {
  milestoneId: string;
  txHash: `0x${string}`;
}

const alreadyUsed = () =>
  new AppError(409, "tx_already_used", "This transaction was already used to fund a payment; each transaction counts once.", {
    txHash: ["Already used."],
  });

function refuse(status: 404 | 409 | 422, code: string, message: string): AppError {
  return new AppError(status, code, message, { txHash: [message] });
}

async function hashUsed(ctx: DomainContext, chain: UsdcChain, txHash: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: cryptoTransfers.id })
    .from(cryptoTransfers)
    .where(and(eq(cryptoTransfers.chainId, chain.chainId), eq(cryptoTransfers.txHash, txHash)))
    .limit(1);
  return Boolean(row);
}

/** Checks the transaction on chain against what the milestone needs; throws a clear refusal otherwise. */
async function checkTransfer(chain: UsdcChain, txHash: `0x${string}`, needed: bigint): Promise<{ sent: bigint; blockNumber: bigint }> {
  const tx = await chain.inspect(txHash);
  if (tx.state === "missing") throw refuse(404, "tx_not_found", "No transaction with this hash is known on the chain.");
  if (tx.state === "pending") throw refuse(409, "tx_pending", "This transaction is not in a block yet. Try again once it is mined.");
  if (!tx.success) throw refuse(422, "tx_failed", "This transaction failed on chain (reverted), so it moved no USDC.");
  const usdc = tx.transfers.filter((t: OnchainTransfer) => t.token === chain.tokenAddress);
  if (usdc.length === 0) throw refuse(422, "wrong_token", `This transaction moved no USDC (token ${chain.tokenAddress}).`);
  const toPlatform = usdc.filter((t) => t.to === chain.platformAddress);
  if (toPlatform.length === 0)
    throw refuse(422, "wrong_recipient", `This transaction sent USDC elsewhere, not to the platform address ${chain.platformAddress}.`);
  const sent = toPlatform.reduce((sum, t) => sum + t.value, 0n);
  if (sent < needed) {
    const d = chain.tokenDecimals;
    throw refuse(
      422,
      "amount_too_small",
      `This transaction sent ${formatTokenUnits(sent, d)} USDC; the milestone needs ${formatTokenUnits(needed, d)} USDC.`,
    );
  }
  if (tx.confirmations < chain.requiredConfirmations) {
    const missing = chain.requiredConfirmations - tx.confirmations;
    throw refuse(
      409,
      "not_enough_confirmations",
      `This transaction has ${tx.confirmations} of the ${chain.requiredConfirmations} confirmations needed; try again after ${missing} more block${missing === 1 ? "" : "s"}.`,
    );
  }
  return { sent, blockNumber: tx.blockNumber };
}

/** The pending USDC payment for the milestone, started now if the client went straight to paying. */
async function pendingUsdcPayment(ctx: DomainContext, actor: User, milestoneId: string, providers: PaymentProviders): Promise<Payment> {
  const [live] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.milestoneId, milestoneId), inArray(payments.status, ["pending", "succeeded"])))
    .limit(1);
  if (live && live.provider !== "usdc") {
    if (live.status === "succeeded") throw wrongState("This milestone is already funded.");
    throw pendingPaymentConflict(live);
  }
  if (live) return live;
  const started = await fundMilestone({ ...ctx, payments: providers }, actor, milestoneId, { provider: "usdc" });
  const [row] = await ctx.db.select().from(payments).where(eq(payments.id, started.payment.id)).limit(1);
  return row;
}

/**
 * The client says "I sent USDC for this milestone in this transaction": check the receipt (succeeded, a USDC
 * Transfer to the platform address of at least the amount, enough confirmations, never used before), then
 * credit the funds held through confirmPayment, recording the transaction in the same atomic write.
 */
export async function verifyCryptoPayment(ctx: DomainContext, actor: User, input: VerifyCryptoInput) {
  const providers = paymentsOf(ctx);
  const chain = providers.usdc;
  if (!chain || !providers.funding.usdc) {
    throw new AppError(422, "provider_unavailable", "USDC payments are not available on this server.", { provider: ["Not configured."] });
  }
  const access = await milestoneForParty(ctx, input.milestoneId, actor.id);
  requireParty(access, "client", "fund milestones");
  const { milestone, contract } = access;
  const txHash = input.txHash.toLowerCase() as `0x${string}`;
  if (await hashUsed(ctx, chain, txHash)) throw alreadyUsed();
  if (milestone.currency !== USDC_FUNDS_CURRENCY) {
    throw new AppError(422, "currency_not_supported", `USDC can only fund milestones in US dollars; this one is in ${milestone.currency}.`);
  }
  if (contract.status !== "offered" && contract.status !== "active")
    throw wrongState("Milestones can only be funded while the contract is offered or active.");
  if (milestone.status !== "pending") throw wrongState("This milestone is already funded.");

  const needed = tokenUnitsFor(milestone.amount, requireCurrency(milestone.currency).minorUnits, chain.tokenDecimals);
  const { sent, blockNumber } = await checkTransfer(chain, txHash, needed);
  try {
    return await creditWithTransfer(ctx, actor, providers, { chain, txHash, milestoneId: milestone.id, sent, blockNumber });
  } catch (error) {
    // While the chain was being read, a racing request may have used this transaction (and so changed the
    // milestone or its payment): the truthful answer is then that the transaction was used, not a state error.
    if (error instanceof AppError && error.code !== "tx_already_used" && error.status === 409 && (await hashUsed(ctx, chain, txHash)))
      throw alreadyUsed();
    throw error;
  }
}

async function creditWithTransfer(
  ctx: DomainContext,
  actor: User,
  providers: PaymentProviders,
  t: { chain: UsdcChain; txHash: `0x${string}`; milestoneId: string; sent: bigint; blockNumber: bigint },
) {
  const { chain, txHash, sent, blockNumber } = t;
  const milestone = { id: t.milestoneId };

  const payment = await pendingUsdcPayment(ctx, actor, milestone.id, providers);
  if (payment.status === "pending" && !payment.providerRef)
    throw new AppError(409, "already_funding", "Another payment for this milestone is being started; try again in a moment.");
  if (payment.status !== "pending" || !payment.providerRef) throw wrongState("This milestone is already funded.");
  const record = ctx.db.insert(cryptoTransfers).values({
    id: ctx.newId(),
    chainId: chain.chainId,
    txHash,
    paymentId: payment.id,
    milestoneId: milestone.id,
    tokenAddress: chain.tokenAddress,
    toAddress: chain.platformAddress,
    amount: sent.toString(),
    blockNumber: Number(blockNumber),
    createdAt: ctx.clock.now(),
  });
  let credited: boolean;
  try {
    credited = (await confirmPayment(ctx, payment.providerRef, [record])).credited;
  } catch (error) {
    if (/crypto_transfers/.test(String(error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : error)))
      throw alreadyUsed();
    throw error;
  }
  // A racing request credited this payment first: with this same transaction, or another one.
  if (!credited) throw (await hashUsed(ctx, chain, txHash)) ? alreadyUsed() : wrongState("This milestone is already funded.");

  const after = await milestoneForParty(ctx, milestone.id, actor.id);
  const [row] = await ctx.db.select().from(payments).where(eq(payments.id, payment.id)).limit(1);
  return { milestone: toMilestoneView(after.milestone, after.funds), payment: toPaymentView(row), txHash, amount: sent.toString() };
}
