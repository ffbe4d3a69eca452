import { and, count, eq, inArray } from "drizzle-orm";
import { payments, type Payment, type PaymentProviderName, type User } from "../../../db/schema";
import { requireMoneyReady, requireParty } from "../contract-core/access";
import { bumpContractStatement, contractEventStatement } from "../contract-core/events";
import { paymentsOf, type DomainContext } from "../context";
import { AppError } from "../errors";
import { commitMoneyBatch, DuplicateKeyError, isChangedMeanwhile } from "../ledger/batch";
import { keyReused, requestIdempotencyKey } from "../ledger/idempotency";
import { milestoneForParty, wrongState } from "../milestones/access";
import { toMilestoneView, type MilestoneView } from "../milestones/view";
import { auditStatement } from "../shared/audit";
import { lockedRateColumns, lockedRateView, lockFundingRate } from "../currency/funding-rate";
import { quoteChanged } from "../currency/payable";
import { confirmPayment } from "./confirm";

export const PROVIDER_NAMES: Record<PaymentProviderName, string> = { sandbox: "Sandbox", stripe: "Card payments (Stripe)", usdc: "USDC" };

export function toPaymentView(p: Payment) {
  return {
    id: p.id,
    provider: p.provider,
    /** True when no real money moved: the local sandbox provider. */
    sandbox: p.provider === "sandbox",
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    milestoneId: p.milestoneId,
    providerRef: p.providerRef,
    createdAt: p.createdAt.toISOString(),
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    /** Set when the client paid in another currency: the rate locked at funding (the ledger stays in `currency`). */
    lockedRate: lockedRateView(p),
  };
}

/**
 * Funding is refused while another payment for the milestone is under way: the client finishes it or
 * cancels it first (POST /api/payments/:id/cancel), never silently superseded (023-abandoned-payments.md).
 */
export function pendingPaymentConflict(p: Payment): AppError {
  return new AppError(
    409,
    "already_funding",
    `A payment with ${PROVIDER_NAMES[p.provider]} (payment ${p.id}) is already under way for this milestone. Finish it, or cancel it first (POST /api/payments/${p.id}/cancel) and then pay another way.`,
  );
}

export interface FundResult {
  milestone: MilestoneView;
  payment: ReturnType<typeof toPaymentView>;
  nextAction: Record<string, unknown> | null;
  replayed: boolean;
}

async function result(
  ctx: DomainContext,
  actor: User,
  paymentId: string,
  replayed: boolean,
  nextAction: Record<string, unknown> | null = null,
): Promise<FundResult> {
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  const access = await milestoneForParty(ctx, payment.milestoneId, actor.id);
  const facts = { decision: null, payment: payment.status === "succeeded" ? payment : null };
  return { milestone: toMilestoneView(access.milestone, access.funds, facts), payment: toPaymentView(payment), nextAction, replayed };
}

/**
 * The client pays the milestone's amount into funds held on the platform. The payment starts pending and
 * is credited only by confirmPayment, which the sandbox calls at once and real providers' webhooks call later.
 */
export async function fundMilestone(
  ctx: DomainContext,
  actor: User,
  milestoneId: string,
  input: {
    provider: PaymentProviderName;
    idempotencyKey?: string | null;
    currency?: string | null;
    /** The charge the client saw and confirmed (minor units of the paying currency); refused if it moved since. */
    chargedAmount?: number | null;
  },
): Promise<FundResult> {
  const providers = paymentsOf(ctx);
  const access = await milestoneForParty(ctx, milestoneId, actor.id);
  requireParty(access, "client", "fund milestones");
  requireMoneyReady(actor);
  const { contract, milestone } = access;

  const live = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.milestoneId, milestoneId), inArray(payments.status, ["pending", "succeeded"])))
    .limit(1);
  let key: string;
  if (input.idempotencyKey) {
    key = requestIdempotencyKey(actor.id, input.idempotencyKey);
    const [prior] = await ctx.db.select().from(payments).where(eq(payments.idempotencyKey, key)).limit(1);
    if (prior && prior.milestoneId !== milestoneId) throw keyReused();
    if (prior) return result(ctx, actor, prior.id, true);
  } else {
    // Without a key, "fund this milestone" again is the same request as the live payment's, when it is the same
    // way of paying (a reload of the card form) or the milestone is already paid; another way waits for a cancel.
    if (live[0] && (live[0].status === "succeeded" || live[0].provider === input.provider)) return result(ctx, actor, live[0].id, true);
    const [{ n }] = await ctx.db.select({ n: count() }).from(payments).where(eq(payments.milestoneId, milestoneId));
    key = `fund:${milestoneId}:${n}`;
  }

  const provider = providers.funding[input.provider];
  if (!provider) {
    throw new AppError(
      422,
      "provider_unavailable",
      `${PROVIDER_NAMES[input.provider]} is not available yet. Use the sandbox provider to try the whole flow without real money.`,
      { provider: ["Not available on this server."] },
    );
  }
  if (contract.status !== "offered" && contract.status !== "active")
    throw wrongState("Milestones can only be funded while the contract is offered or active.");
  if (milestone.status !== "pending") throw wrongState("This milestone is already funded.");
  if (live[0]) throw pendingPaymentConflict(live[0]);
  const lock = await lockFundingRate(ctx, milestone, input.currency);
  const charge = { amount: lock?.paidAmount ?? milestone.amount, currency: lock?.paidCurrency ?? milestone.currency };
  if (input.chargedAmount != null && input.chargedAmount !== charge.amount) {
    throw quoteChanged({
      amount: milestone.amount,
      currency: milestone.currency,
      chargedAmount: charge.amount,
      chargedCurrency: charge.currency,
      rate: lock?.rate ?? "1",
      fetchedAt: (lock?.fetchedAt ?? ctx.clock.now()).toISOString(),
    });
  }
  provider.assertCanCharge?.(charge);

  const paymentId = ctx.newId();
  const data = { amount: milestone.amount, currency: milestone.currency, provider: provider.name, paymentId, ...lockedRateColumns(lock) };
  try {
    await commitMoneyBatch(ctx, [
      bumpContractStatement(ctx, contract),
      ctx.db.insert(payments).values({
        id: paymentId,
        provider: provider.name,
        status: "pending",
        amount: milestone.amount,
        currency: milestone.currency,
        milestoneId,
        contractId: contract.id,
        payerId: actor.id,
        idempotencyKey: key,
        createdAt: ctx.clock.now(),
        ...lockedRateColumns(lock),
      }),
      contractEventStatement(ctx, { contractId: contract.id, milestoneId, type: "milestone.funding_started", actorId: actor.id, data }),
      auditStatement(ctx, { type: "money.payment_started", actorId: actor.id, subjectType: "milestone", subjectId: milestoneId, data }),
    ]);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError || isChangedMeanwhile(error))) throw error;
    const [prior] = await ctx.db.select().from(payments).where(eq(payments.idempotencyKey, key)).limit(1);
    if (!prior) throw error;
    if (prior.milestoneId !== milestoneId) throw keyReused();
    return result(ctx, actor, prior.id, true);
  }

  let started;
  try {
    started = await provider.startPayment({
      paymentId,
      milestoneId,
      amount: charge.amount,
      currency: charge.currency,
      payerId: actor.id,
      description: `Milestone "${milestone.title}"`,
    });
  } catch (error) {
    ctx.log("payment provider refused to start a payment", { paymentId, provider: provider.name, error: String(error) });
    await ctx.db.update(payments).set({ status: "failed" }).where(eq(payments.id, paymentId));
    throw new AppError(502, "provider_error", "The payment provider did not accept the payment. Nothing was charged; please try again.");
  }
  await ctx.db.update(payments).set({ providerRef: started.providerRef }).where(eq(payments.id, paymentId));
  if (started.status === "succeeded") await confirmPayment(ctx, started.providerRef);
  return result(ctx, actor, paymentId, false, started.nextAction ?? null);
}
