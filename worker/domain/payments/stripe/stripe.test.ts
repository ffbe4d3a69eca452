import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, payoutHolds, payouts, stripeCharges, stripeReturns, stripeTransfers } from "../../../../db/schema";
import { call } from "../../../test-support/api";
import { testContext } from "../../../test-support/context";
import { chargeCard, connectFreelancer, deliver, failNext, stripeEvent, stripeObject, stripeRequests } from "../../../test-support/stripe";
import { createTestUser } from "../../../test-support/users";
import worker from "../../../index";
import type { DomainContext } from "../../context";
import { activeContract, transactionSums } from "../../contracts/test-fixtures";
import { ledgerAccounts } from "../../ledger/accounts";
import { accountBalance } from "../../ledger/balances";
import { addMilestone } from "../../milestones/manage";
import { approveMilestone, refundHeldFunds, releaseHeldFunds } from "../../milestones/release";
import { submitMilestone } from "../../milestones/workflow";
import { fundMilestone } from "../fund";
import { stripeDailyChecks } from "../../../jobs/stripe-daily";
import { flagAgingCardFunds } from "./hold-limit";
import { settleStripeMilestone } from "../../settlement/settle";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An active contract with one milestone paid by card: PaymentIntent, card charged, webhook delivered. */
async function cardFunded(ctx: DomainContext, amount: number) {
  const f = await activeContract(ctx);
  const m = await addMilestone(ctx, f.client, f.contractId, { title: "Card work", amount });
  const started = await fundMilestone(ctx, f.client, m.id, { provider: "stripe" });
  const intent = await chargeCard(started.payment.providerRef!);
  expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
  return { ...f, milestoneId: m.id, paymentId: started.payment.id, chargeId: intent.latest_charge as string };
}

const transferCalls = (key: string) => stripeRequests((r) => r.method === "POST" && r.path === "/v1/transfers" && r.idempotencyKey === key);

async function transfersOf(ctx: DomainContext, milestoneId: string) {
  return ctx.db.select().from(stripeTransfers).where(eq(stripeTransfers.milestoneId, milestoneId));
}

describe("releases of card-funded milestones", () => {
  it("transfer the freelancer's share from the funding charge to their connected account, once", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 100_000);
    const accountId = await connectFreelancer(ctx, f.freelancer);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const approved = await approveMilestone(ctx, f.client, f.milestoneId);

    const [transfer] = await transfersOf(ctx, f.milestoneId);
    expect(transfer).toMatchObject({
      status: "sent",
      transferId: expect.stringMatching(/^tr_/),
      amount: 90_000,
      destination: accountId,
      sourceCharge: f.chargeId,
      releaseTransactionId: approved.transactionId,
      idempotencyKey: `transfer:${approved.transactionId}`,
    });
    const calls = await transferCalls(`transfer:${approved.transactionId}`);
    expect(calls).toHaveLength(1);
    expect(calls[0].params).toMatchObject({
      amount: "90000",
      currency: "usd",
      destination: accountId,
      source_transaction: f.chargeId,
      transfer_group: f.milestoneId,
    });
    // The share left the freelancer's balance as a payout to Stripe, in the ledger as on Stripe.
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(0);
    const [payout] = await ctx.db.select().from(payouts).where(eq(payouts.id, transfer.payoutId!));
    expect(payout).toMatchObject({ provider: "stripe", status: "paid", amount: 90_000, providerRef: transfer.transferId });
    for (const t of await transactionSums(ctx, f.contractId)) expect(Number(t.sum)).toBe(0);

    // Running the settlement again, or replaying the approval, never sends a second transfer.
    expect(await settleStripeMilestone(ctx, f.milestoneId)).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect((await approveMilestone(ctx, f.client, f.milestoneId)).replayed).toBe(true);
    expect(await transferCalls(`transfer:${approved.transactionId}`)).toHaveLength(1);
    expect(await transfersOf(ctx, f.milestoneId)).toHaveLength(1);
  });

  it("retries a refused transfer with the same idempotency key until it goes through", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 50_000);
    await connectFreelancer(ctx, f.freelancer);
    await failNext("POST", "/v1/transfers");
    const released = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 30_000, reason: "First half" });
    // The release itself stands; the transfer waits with its error.
    expect(released.milestone.funds).toMatchObject({ released: 30_000, held: 20_000 });
    const [waiting] = await transfersOf(ctx, f.milestoneId);
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 1,
      amount: 27_000,
      lastError: expect.stringContaining("balance_insufficient"),
    });

    const daily = await stripeDailyChecks(ctx);
    expect(daily).toMatch(/^stripe: \d+ sent/);
    const [sent] = await transfersOf(ctx, f.milestoneId);
    expect(sent).toMatchObject({ status: "sent", transferId: expect.stringMatching(/^tr_/) });
    const calls = await transferCalls(`transfer:${released.transactionId}`);
    expect(calls.filter((c) => !c.replayed).map((c) => c.status)).toEqual([400, 200]);
    expect((await stripeObject(sent.transferId!)).amount).toBe(27_000);
    await settleStripeMilestone(ctx, f.milestoneId);
    expect((await transferCalls(`transfer:${released.transactionId}`)).filter((c) => !c.replayed)).toHaveLength(2);
  });

  it("hands a refused transfer to the jobs queue, whose consumer retries until Stripe accepts it", async () => {
    const queued: unknown[] = [];
    const jobsQueue = { send: async (body: unknown) => void queued.push(body) } as unknown as Queue<unknown>;
    const { ctx } = testContext({ ...env, JOBS_QUEUE: jobsQueue });
    const f = await cardFunded(ctx, 40_000);
    await connectFreelancer(ctx, f.freelancer);
    await failNext("POST", "/v1/transfers");
    // Posting the project queued its saved-search alerts; what matters here is what the release queues.
    const before = queued.length;
    const released = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 40_000, reason: "All of it" });
    const settle = queued.slice(before);
    expect(settle).toEqual([{ type: "stripe.settle", milestoneId: f.milestoneId }]);

    const runJob = async (id: string) => {
      const batch = createMessageBatch("jobs", [{ id, timestamp: new Date(), attempts: 1, body: settle[0] }]);
      const execution = createExecutionContext();
      await worker.queue(batch, env, execution);
      return getQueueResult(batch, execution);
    };
    await failNext("POST", "/v1/transfers");
    expect((await runJob("settle-1")).retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["settle-1"]);
    expect((await transfersOf(ctx, f.milestoneId))[0]).toMatchObject({ status: "pending", attempts: 2 });
    expect((await runJob("settle-2")).explicitAcks).toEqual(["settle-2"]);
    expect((await transfersOf(ctx, f.milestoneId))[0]).toMatchObject({ status: "sent", attempts: 3, amount: 36_000 });
    const calls = await transferCalls(`transfer:${released.transactionId}`);
    expect(calls.map((c) => c.status)).toEqual([400, 400, 200]);
  });

  it("waits for the freelancer's Stripe account, then transfers when Stripe enables its payouts", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 20_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    await approveMilestone(ctx, f.client, f.milestoneId);
    expect(await transfersOf(ctx, f.milestoneId)).toEqual([]);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(18_000);

    await connectFreelancer(ctx, f.freelancer);
    const [transfer] = await transfersOf(ctx, f.milestoneId);
    expect(transfer).toMatchObject({ status: "sent", amount: 18_000, sourceCharge: f.chargeId });
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(0);
  });

  it("keeps the share in the balance while the freelancer's payouts are on hold, and sends it once the hold is lifted", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 10_000);
    await connectFreelancer(ctx, f.freelancer);
    const holdId = ctx.newId();
    await ctx.db.insert(payoutHolds).values({ id: holdId, userId: f.freelancer.id, reason: "Account review", createdAt: ctx.clock.now() });
    await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 10_000, reason: "Done" });
    expect(await transfersOf(ctx, f.milestoneId)).toEqual([]);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(9_000);

    await ctx.db.update(payoutHolds).set({ releasedAt: ctx.clock.now() }).where(eq(payoutHolds.id, holdId));
    await stripeDailyChecks(ctx);
    expect((await transfersOf(ctx, f.milestoneId))[0]).toMatchObject({ status: "sent", amount: 9_000 });
  });
});

describe("refunds of card-funded milestones", () => {
  it("refund the charge before release, and the rest can still be released from the same charge", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 50_000);
    await connectFreelancer(ctx, f.freelancer);
    const refunded = await refundHeldFunds(ctx, f.client, f.milestoneId, { amount: 20_000, reason: "Smaller scope" });
    const [row] = await ctx.db.select().from(stripeReturns).where(eq(stripeReturns.ledgerTransactionId, refunded.transactionId!));
    expect(row).toMatchObject({
      kind: "charge_refund",
      status: "sent",
      target: f.chargeId,
      amount: 20_000,
      stripeRef: expect.stringMatching(/^re_/),
    });
    const calls = await stripeRequests((r) => r.path === "/v1/refunds" && r.idempotencyKey === `refund:${refunded.transactionId}`);
    expect(calls).toHaveLength(1);
    expect(calls[0].params).toMatchObject({ charge: f.chargeId, amount: "20000" });
    const charge = await stripeObject(f.chargeId);
    expect(charge.amount_refunded).toBe(20_000);

    // Stripe's charge.refunded events keep the running total, whatever order they come in.
    expect((await deliver(stripeEvent("charge.refunded", charge))).status).toBe(200);
    expect((await deliver(stripeEvent("charge.refunded", { ...charge, amount_refunded: 0 }, { created: 1 }))).status).toBe(200);
    const [stored] = await ctx.db.select().from(stripeCharges).where(eq(stripeCharges.paymentId, f.paymentId));
    expect(stored.amountRefunded).toBe(20_000);

    const released = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 30_000, reason: "The rest" });
    const [transfer] = await transfersOf(ctx, f.milestoneId);
    expect(transfer).toMatchObject({ status: "sent", amount: 27_000, releaseTransactionId: released.transactionId });
  });

  it("reverse the transfer and refund the card when an admin gives a paid release back", async () => {
    const { ctx } = testContext(env);
    const f = await cardFunded(ctx, 100_000);
    await connectFreelancer(ctx, f.freelancer);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const approved = await approveMilestone(ctx, f.client, f.milestoneId);
    const [transfer] = await transfersOf(ctx, f.milestoneId);
    const admin = await createTestUser(env, { roles: ["admin"] });
    const path = `/api/payments/releases/${approved.transactionId}/reverse`;

    for (const token of [f.clientToken, f.freelancerToken]) {
      expect((await call(path, { body: { reason: "Chargeback" }, token })).status).toBe(403);
    }
    expect((await call(path, { body: { reason: "Chargeback" } })).status).toBe(401);
    expect(await ctx.db.select().from(stripeReturns).where(eq(stripeReturns.paymentId, f.paymentId))).toEqual([]);
    expect((await call(`/api/payments/releases/nope/reverse`, { body: { reason: "x" }, token: admin.accessToken })).status).toBe(404);

    const reversed = await call(path, { body: { reason: "Chargeback" }, token: admin.accessToken });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(200);
    expect(reversed.body).toMatchObject({ amount: 100_000, currency: "USD" });
    const txn = reversed.body.transactionId as string;
    const requests = await stripeRequests((r) => r.idempotencyKey?.includes(txn) ?? false);
    expect(requests.map((r) => [r.path, r.params.amount, r.status])).toEqual([
      [`/v1/transfers/${transfer.transferId}/reversals`, "90000", 200],
      ["/v1/refunds", "100000", 200],
    ]);
    expect((await stripeObject(transfer.transferId!)).amount_reversed).toBe(90_000);
    const [after] = await transfersOf(ctx, f.milestoneId);
    expect(after.amountReversed).toBe(90_000);
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(f.client.id), "USD")).toBe(100_000);
    for (const t of await transactionSums(ctx, f.contractId)) expect(Number(t.sum)).toBe(0);

    const again = await call(path, { body: { reason: "Chargeback" }, token: admin.accessToken });
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body.transactionId).toBe(txn);
    expect(await stripeRequests((r) => r.idempotencyKey?.includes(txn) ?? false)).toHaveLength(2);
  });
});

describe("Stripe's 90-day limit for held card funds", () => {
  it("flags card money held for 80 days to the client and admins, once per payment", async () => {
    const { ctx } = testContext(env);
    await createTestUser(env, { roles: ["admin"] }); // someone to tell
    const held = await cardFunded(ctx, 10_000);
    const paidOut = await cardFunded(ctx, 10_000);
    await submitMilestone(ctx, paidOut.freelancer, paidOut.milestoneId, {});
    await approveMilestone(ctx, paidOut.client, paidOut.milestoneId);
    const warnings = (userId: string) =>
      ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, "payment_hold_expiring")));
    const warnedAt = async (paymentId: string) =>
      (await ctx.db.select().from(stripeCharges).where(eq(stripeCharges.paymentId, paymentId)))[0].holdWarnedAt;

    await flagAgingCardFunds(testContext(env, { now: new Date(Date.now() + 79 * DAY_MS) }).ctx);
    expect(await warnedAt(held.paymentId)).toBeNull();

    // The sweep takes a batch at a time and the test database holds every other test's payments: run it as the
    // cron would, until nothing is left to flag.
    const sweep = async (ctx: DomainContext) => {
      while ((await flagAgingCardFunds(ctx)).flagged > 0);
    };
    const later = testContext(env, { now: new Date(Date.now() + 81 * DAY_MS) }).ctx;
    await sweep(later);
    expect(await warnedAt(held.paymentId)).toBeInstanceOf(Date);
    expect(await warnedAt(paidOut.paymentId)).toBeNull();
    const [toClient] = await warnings(held.client.id);
    expect(toClient.body).toContain("90 days");
    expect(toClient.link).toBe(`/contracts/${held.contractId}`);
    // Admins land on the paying client's account (a bounded number of them, so not necessarily this one).
    const toAdmins = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, "payment_hold_expiring"), eq(notifications.link, `/admin/users/${held.client.id}`)));
    expect(toAdmins.length).toBeGreaterThan(0);
    for (const n of toAdmins) expect(n.body).toContain("90-day");
    expect(await warnings(paidOut.client.id)).toEqual([]);

    await sweep(later);
    expect(await warnings(held.client.id)).toHaveLength(1);
  });
});
