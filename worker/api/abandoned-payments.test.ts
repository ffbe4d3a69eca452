import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, events, ledgerTransactions, payments } from "../../db/schema";
import { activeContract, transactionSums, type ContractFixture } from "../domain/contracts/test-fixtures";
import { ledgerAccounts } from "../domain/ledger/accounts";
import { accountBalance } from "../domain/ledger/balances";
import { addMilestone } from "../domain/milestones/manage";
import { runTask } from "../jobs/tasks";
import { PENDING_PAYMENT_LIFETIME_MS } from "../domain/payments/cancel";
import { fundMilestone } from "../domain/payments/fund";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { chargeCard, deliver, processCard, stripeEvent, stripeObject, stripeRequests } from "../test-support/stripe";
import { createTestUser } from "../test-support/users";

const HOUR_MS = 60 * 60 * 1000;

const fund = (token: string, milestoneId: string, provider: "sandbox" | "stripe" | "usdc") =>
  call(`/api/milestones/${milestoneId}/fund`, { body: { provider }, token });
const cancel = (paymentId: string, token?: string) => call(`/api/payments/${paymentId}/cancel`, { method: "POST", token });

async function started(token: string, milestoneId: string, provider: "stripe" | "usdc") {
  const res = await fund(token, milestoneId, provider);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.payment.status).toBe("pending");
  return res.body.payment as { id: string; providerRef: string };
}

async function paymentRow(id: string) {
  const { ctx } = testContext(env);
  const [row] = await ctx.db.select().from(payments).where(eq(payments.id, id));
  return row;
}

async function cancelEvents(paymentId: string) {
  const { ctx } = testContext(env);
  const timeline = (await ctx.db.select().from(contractEvents).where(eq(contractEvents.type, "milestone.funding_cancelled"))).filter(
    (e) => e.data?.paymentId === paymentId,
  );
  const audit = await ctx.db
    .select()
    .from(events)
    .where(and(eq(events.type, "money.payment_cancelled"), eq(events.subjectId, paymentId)));
  return { timeline, audit };
}

async function fundings(milestoneId: string) {
  const { ctx } = testContext(env);
  return ctx.db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.milestoneId, milestoneId), eq(ledgerTransactions.kind, "funding")));
}

/** Every ledger transaction of the contract sums to zero, and what the escrow holds is what was funded. */
async function expectBooksBalanced(f: ContractFixture, held: number) {
  const { ctx } = testContext(env);
  for (const t of await transactionSums(ctx, f.contractId)) expect(t.sum, `transaction ${t.id} balances`).toBe(0);
  expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), f.currency)).toBe(held);
  expect(await accountBalance(ctx, ledgerAccounts.clientFunding(f.client.id), f.currency)).toBe(-held);
}

describe("cancelling a payment that was started and never finished", () => {
  it("cancels a card payment at Stripe, then the milestone is paid another way; a retried cancel changes nothing", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Abandoned card form", amount: 31_000 });
    const card = await started(f.clientToken, m.id, "stripe");

    // Another way of paying is refused while the card payment waits, naming it and how to cancel it.
    const blocked = await fund(f.clientToken, m.id, "sandbox");
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe("already_funding");
    expect(blocked.body.error.message).toContain(card.id);
    expect(blocked.body.error.message).toContain(`POST /api/payments/${card.id}/cancel`);

    const cancelled = await cancel(card.id, f.clientToken);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.headers.get("Idempotent-Replayed")).toBeNull();
    expect(cancelled.body).toMatchObject({ payment: { id: card.id, status: "cancelled" }, milestone: { id: m.id, status: "pending" } });
    expect((await stripeObject(card.providerRef)).status).toBe("canceled");
    expect(await stripeRequests((r) => r.path === `/v1/payment_intents/${card.providerRef}/cancel` && r.status === 200)).toHaveLength(1);
    const written = await cancelEvents(card.id);
    expect(written.timeline).toHaveLength(1);
    expect(written.timeline[0]).toMatchObject({
      actorId: f.client.id,
      milestoneId: m.id,
      data: expect.objectContaining({ cause: "client" }),
    });
    expect(written.audit).toHaveLength(1);
    // A cancelled PaymentIntent can no longer take the card.
    await expect(chargeCard(card.providerRef)).rejects.toThrow(/400/);

    const again = await cancel(card.id, f.clientToken);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body.payment.status).toBe("cancelled");
    const twice = await cancelEvents(card.id);
    expect([twice.timeline.length, twice.audit.length]).toEqual([1, 1]);

    const paid = await fund(f.clientToken, m.id, "sandbox");
    expect(paid.status).toBe(200);
    expect(paid.body.milestone).toMatchObject({ status: "funded", funds: { held: 31_000 } });
    expect(await fundings(m.id)).toHaveLength(1);
    await expectBooksBalanced(f, 31_000);
    // The cancel route can no longer touch what went through.
    expect((await cancel(paid.body.payment.id, f.clientToken)).body.error.code).toBe("payment_succeeded");
  });

  it("cancels a USDC payment nobody sent, and the client pays by card instead", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Never sent USDC", amount: 12_000 });
    const usdc = await started(f.clientToken, m.id, "usdc");
    expect((await fund(f.clientToken, m.id, "stripe")).body.error.message).toContain(`/api/payments/${usdc.id}/cancel`);

    // A double click (or a retry racing the first try): one cancel writes, the others answer it.
    const clicks = await Promise.all([cancel(usdc.id, f.clientToken), cancel(usdc.id, f.clientToken), cancel(usdc.id, f.clientToken)]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(clicks.filter((c) => c.headers.get("Idempotent-Replayed") === null)).toHaveLength(1);
    expect(await paymentRow(usdc.id)).toMatchObject({ status: "cancelled" });
    const written = await cancelEvents(usdc.id);
    expect([written.timeline.length, written.audit.length]).toEqual([1, 1]);
    const card = await started(f.clientToken, m.id, "stripe");
    expect(card.id).not.toBe(usdc.id);
    expect((await deliver(stripeEvent("payment_intent.succeeded", await chargeCard(card.providerRef)))).status).toBe(200);
    expect(await paymentRow(card.id)).toMatchObject({ status: "succeeded" });
    await expectBooksBalanced(f, 12_000);
  });

  it("lets only the client who started it cancel: the freelancer gets 403, anyone else 404, signed out 401", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Guarded", amount: 7_000 });
    const card = await started(f.clientToken, m.id, "stripe");
    const stranger = await createTestUser(ctx, { roles: ["client"] });

    const byFreelancer = await cancel(card.id, f.freelancerToken);
    expect(byFreelancer.status).toBe(403);
    expect(byFreelancer.body.error.code).toBe("wrong_party");
    const byStranger = await cancel(card.id, stranger.accessToken);
    expect(byStranger.status).toBe(404);
    expect((await cancel(card.id)).status).toBe(401);
    expect((await cancel("01NOSUCHPAYMENT0000000000", f.clientToken)).status).toBe(404);

    expect(await paymentRow(card.id)).toMatchObject({ status: "pending" });
    expect((await stripeObject(card.providerRef)).status).toBe("requires_payment_method");
    expect(await stripeRequests((r) => r.path === `/v1/payment_intents/${card.providerRef}/cancel`)).toHaveLength(0);
  });

  it("refuses to cancel a payment that went through, or one the bank is processing, and changes nothing", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);

    // Charged at Stripe, but the webhook has not arrived yet: Stripe refuses the cancel, and so do we.
    const early = await addMilestone(ctx, f.client, f.contractId, { title: "Paid before the webhook", amount: 9_000 });
    const card = await started(f.clientToken, early.id, "stripe");
    const intent = await chargeCard(card.providerRef);
    const refused = await cancel(card.id, f.clientToken);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("payment_succeeded");
    expect(refused.body.error.message).toMatch(/already went through/);
    expect(await paymentRow(card.id)).toMatchObject({ status: "pending" });
    expect((await stripeObject(card.providerRef)).status).toBe("succeeded");
    expect(await cancelEvents(card.id)).toEqual({ timeline: [], audit: [] });
    // The webhook then credits it as usual.
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    expect(await paymentRow(card.id)).toMatchObject({ status: "succeeded" });

    // Already credited here: refused without asking Stripe.
    const calls = (await stripeRequests((r) => r.path.endsWith("/cancel"))).length;
    const credited = await cancel(card.id, f.clientToken);
    expect(credited.status).toBe(409);
    expect(credited.body.error.code).toBe("payment_succeeded");
    expect((await stripeRequests((r) => r.path.endsWith("/cancel"))).length).toBe(calls);
    expect(await paymentRow(card.id)).toMatchObject({ status: "succeeded" });

    const slow = await addMilestone(ctx, f.client, f.contractId, { title: "Bank is slow", amount: 4_000 });
    const processing = await started(f.clientToken, slow.id, "stripe");
    await processCard(processing.providerRef);
    const busy = await cancel(processing.id, f.clientToken);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe("payment_processing");
    expect(await paymentRow(processing.id)).toMatchObject({ status: "pending" });
    expect(await cancelEvents(processing.id)).toEqual({ timeline: [], audit: [] });

    expect(await fundings(early.id)).toHaveLength(1);
    await expectBooksBalanced(f, 9_000);
  });
});

describe("money that arrives after a cancel", () => {
  it("is credited when the milestone still waits for it", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Late but welcome", amount: 15_000 });
    const card = await started(f.clientToken, m.id, "stripe");
    expect((await cancel(card.id, f.clientToken)).status).toBe(200);

    const intent = await chargeCard(card.providerRef, { despiteCancel: true });
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    expect(await paymentRow(card.id)).toMatchObject({ status: "succeeded" });
    const view = await call(`/api/milestones/${m.id}`, { token: f.clientToken });
    expect(view.body.milestone).toMatchObject({ status: "funded", funds: { held: 15_000 } });
    expect(await fundings(m.id)).toHaveLength(1);
    expect(await stripeRequests((r) => r.idempotencyKey === `late-refund:${card.id}`)).toHaveLength(0);
    const [revived] = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.type, "money.payment_revived"), eq(events.subjectId, card.id)));
    expect(revived).toBeDefined();
    await expectBooksBalanced(f, 15_000);
  });

  it("is refunded through Stripe, once, when another payment funded the milestone or is under way for it", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);

    const paidElsewhere = await addMilestone(ctx, f.client, f.contractId, { title: "Paid in the sandbox", amount: 20_000 });
    const card = await started(f.clientToken, paidElsewhere.id, "stripe");
    expect((await cancel(card.id, f.clientToken)).status).toBe(200);
    expect((await fund(f.clientToken, paidElsewhere.id, "sandbox")).body.milestone.status).toBe("funded");
    const intent = await chargeCard(card.providerRef, { despiteCancel: true });
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    // Stripe sends a fresh event about the same success a day later: no second refund.
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);

    expect(await paymentRow(card.id)).toMatchObject({ status: "cancelled" });
    const refunds = await stripeRequests((r) => r.path === "/v1/refunds" && r.params.charge === intent.latest_charge);
    expect(refunds.filter((r) => !r.replayed)).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: 200, idempotencyKey: `late-refund:${card.id}`, params: { amount: "20000" } });
    expect((await stripeObject(intent.latest_charge)).amount_refunded).toBe(20_000);
    const recorded = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.type, "money.stripe_late_refund"), eq(events.subjectId, card.id)));
    expect(recorded).toHaveLength(1);
    expect(await fundings(paidElsewhere.id)).toHaveLength(1);

    // The client cancelled the card and chose USDC, still unsent: the late card money goes back, the USDC payment stays.
    const switched = await addMilestone(ctx, f.client, f.contractId, { title: "Switched to USDC", amount: 6_000 });
    const second = await started(f.clientToken, switched.id, "stripe");
    expect((await cancel(second.id, f.clientToken)).status).toBe(200);
    const usdc = await started(f.clientToken, switched.id, "usdc");
    const late = await chargeCard(second.providerRef, { despiteCancel: true });
    expect((await deliver(stripeEvent("payment_intent.succeeded", late))).status).toBe(200);
    expect(await paymentRow(second.id)).toMatchObject({ status: "cancelled" });
    expect(await paymentRow(usdc.id)).toMatchObject({ status: "pending" });
    expect((await stripeObject(late.latest_charge)).amount_refunded).toBe(6_000);
    expect(await fundings(switched.id)).toHaveLength(0);
    // The client then drops USDC too, and Stripe delivers the card success once more: the charge went back
    // already, so it is never credited now.
    expect((await cancel(usdc.id, f.clientToken)).status).toBe(200);
    expect((await deliver(stripeEvent("payment_intent.succeeded", late))).status).toBe(200);
    expect(await paymentRow(second.id)).toMatchObject({ status: "cancelled" });
    expect(await fundings(switched.id)).toHaveLength(0);
    expect(await stripeRequests((r) => r.path === "/v1/refunds" && r.params.charge === late.latest_charge && !r.replayed)).toHaveLength(1);

    await expectBooksBalanced(f, 20_000);
  });
});

describe("the hourly expiry of abandoned payments", () => {
  it("cancels payments pending for a day (card ones at Stripe), credits one Stripe already took, leaves fresh ones, and repeats safely", async () => {
    // Payments are started with a clock set back a day and more; the hourly run then sees them as abandoned.
    const longAgo = testContext(env, { now: new Date(Date.now() - PENDING_PAYMENT_LIFETIME_MS - 2 * HOUR_MS) });
    const lately = testContext(env, { now: new Date(Date.now() - 2 * HOUR_MS) });
    const f = await activeContract(longAgo.ctx);
    const start = async (ctx: typeof longAgo.ctx, title: string, provider: "stripe" | "usdc") => {
      const m = await addMilestone(ctx, f.client, f.contractId, { title, amount: 5_000 });
      const { payment } = await fundMilestone(ctx, f.client, m.id, { provider });
      return { milestoneId: m.id, payment };
    };
    const oldCard = await start(longAgo.ctx, "Old card", "stripe");
    const oldUsdc = await start(longAgo.ctx, "Old USDC", "usdc");
    const paidCard = await start(longAgo.ctx, "Paid, webhook lost", "stripe");
    const freshCard = await start(lately.ctx, "Fresh card", "stripe");
    // The customer paid, but Stripe's webhook never reached the platform.
    await chargeCard(paidCard.payment.providerRef!);

    const { ctx } = testContext(env);
    const run = await runTask(ctx, "rates.refresh");
    expect(run.summary).toMatch(/expired \d+ abandoned payments \(\d+ found paid, \d+ waiting, \d+ failed\)/);

    expect(await paymentRow(oldCard.payment.id)).toMatchObject({ status: "cancelled" });
    expect((await stripeObject(oldCard.payment.providerRef!)).status).toBe("canceled");
    expect(await paymentRow(oldUsdc.payment.id)).toMatchObject({ status: "cancelled" });
    const expiredEvent = (await cancelEvents(oldUsdc.payment.id)).timeline;
    expect(expiredEvent).toHaveLength(1);
    expect(expiredEvent[0]).toMatchObject({ actorId: null, data: expect.objectContaining({ cause: "expired" }) });
    expect(await paymentRow(paidCard.payment.id)).toMatchObject({ status: "succeeded" });
    expect(await fundings(paidCard.milestoneId)).toHaveLength(1);
    expect(await paymentRow(freshCard.payment.id)).toMatchObject({ status: "pending" });
    expect((await stripeObject(freshCard.payment.providerRef!)).status).toBe("requires_payment_method");

    // A repeated run (queues deliver at least once) changes nothing more.
    await runTask(ctx, "rates.refresh");
    for (const p of [oldCard, oldUsdc]) {
      const written = await cancelEvents(p.payment.id);
      expect([written.timeline.length, written.audit.length]).toEqual([1, 1]);
    }
    expect(await fundings(paidCard.milestoneId)).toHaveLength(1);
    expect(await paymentRow(freshCard.payment.id)).toMatchObject({ status: "pending" });

    // The client pays the expired milestones another way (in the domain: the fixture's API token is a day old).
    for (const p of [oldCard, oldUsdc]) {
      const paid = await fundMilestone(ctx, f.client, p.milestoneId, { provider: "sandbox" });
      expect(paid.milestone.status).toBe("funded");
    }
    await expectBooksBalanced(f, 15_000);
  });
});
