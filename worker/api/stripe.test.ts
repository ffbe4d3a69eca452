import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerTransactions, payments, stripeAccounts, stripeCharges, stripeEvents } from "../../db/schema";
import { activeContract, offeredContract } from "../domain/contracts/test-fixtures";
import { ledgerAccounts } from "../domain/ledger/accounts";
import { accountBalance } from "../domain/ledger/balances";
import { addMilestone } from "../domain/milestones/manage";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { chargeCard, declineCard, deliver, stripeEvent, stripeRequests } from "../test-support/stripe";
import { createTestUser } from "../test-support/users";

async function fundByCard(token: string, milestoneId: string) {
  const res = await call(`/api/milestones/${milestoneId}/fund`, { body: { provider: "stripe" }, token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { payment: { id: string; providerRef: string; status: string }; nextAction: any; milestone: any };
}

async function paymentRow(id: string) {
  const { ctx } = testContext(env);
  const [row] = await ctx.db.select().from(payments).where(eq(payments.id, id));
  return row;
}

async function fundingTransactions(milestoneId: string) {
  const { ctx } = testContext(env);
  return ctx.db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.milestoneId, milestoneId), eq(ledgerTransactions.kind, "funding")));
}

describe("card funding through Stripe", () => {
  it("starts a PaymentIntent for the milestone and stays pending until the webhook", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Design", amount: 25_000 });
    const started = await fundByCard(f.clientToken, m.id);
    expect(started.payment).toMatchObject({ status: "pending", provider: "stripe", sandbox: false });
    expect(started.payment.providerRef).toMatch(/^pi_/);
    expect(started.milestone).toMatchObject({ status: "pending", funds: { held: 0 } });
    expect(started.nextAction).toEqual({
      clientSecret: expect.stringMatching(new RegExp(`^${started.payment.providerRef}_secret_`)),
      publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    });
    const [created] = await stripeRequests(
      (r) => r.path === "/v1/payment_intents" && r.idempotencyKey === `payment-intent:${started.payment.id}`,
    );
    expect(created.params).toMatchObject({
      amount: "25000",
      currency: "usd",
      transfer_group: m.id,
      metadata: { payment_id: started.payment.id, milestone_id: m.id },
    });
    expect(await fundingTransactions(m.id)).toHaveLength(0);
    // A second click while the card payment is under way returns the same payment, never a second charge.
    const again = await fundByCard(f.clientToken, m.id);
    expect(again.payment.id).toBe(started.payment.id);
  });

  it("credits the funds held exactly once when payment_intent.succeeded arrives, however often it is delivered", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 40_000 });
    const { payment } = await fundByCard(f.clientToken, m.id);
    const intent = await chargeCard(payment.providerRef);
    const event = stripeEvent("payment_intent.succeeded", intent);
    const deliveries = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    const resent = await deliver(event);
    expect(resent.body).toEqual({ received: true, duplicate: true });
    // Stripe can also send a fresh event about the same success: still credited once.
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);

    expect(await fundingTransactions(m.id)).toHaveLength(1);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(40_000);
    expect(await paymentRow(payment.id)).toMatchObject({ status: "succeeded", confirmedAt: expect.any(Date) });
    const [charge] = await ctx.db.select().from(stripeCharges).where(eq(stripeCharges.paymentId, payment.id));
    expect(charge).toMatchObject({ paymentIntentId: intent.id, chargeId: intent.latest_charge });
    const [stored] = await ctx.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(stored.type).toBe("payment_intent.succeeded");
    const view = await call(`/api/milestones/${m.id}`, { token: f.clientToken });
    expect(view.body.milestone).toMatchObject({ status: "funded", funds: { held: 40_000 } });
  });

  it("is safe out of order: a late failure after success changes nothing, a success after a declined card still credits", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const first = await addMilestone(ctx, f.client, f.contractId, { title: "One", amount: 10_000 });
    const { payment: paid } = await fundByCard(f.clientToken, first.id);
    const declinedEarlier = await declineCard(paid.providerRef);
    const succeeded = await chargeCard(paid.providerRef);
    expect((await deliver(stripeEvent("payment_intent.succeeded", succeeded))).status).toBe(200);
    // The decline happened first but its event arrives last.
    expect((await deliver(stripeEvent("payment_intent.payment_failed", declinedEarlier, { created: succeeded.created - 5 }))).status).toBe(
      200,
    );
    expect(await paymentRow(paid.id)).toMatchObject({ status: "succeeded" });
    expect(await fundingTransactions(first.id)).toHaveLength(1);

    const second = await addMilestone(ctx, f.client, f.contractId, { title: "Two", amount: 12_000 });
    const { payment: retried } = await fundByCard(f.clientToken, second.id);
    expect((await deliver(stripeEvent("payment_intent.payment_failed", await declineCard(retried.providerRef)))).status).toBe(200);
    expect(await paymentRow(retried.id)).toMatchObject({ status: "failed" });
    // The client tries another card on the same PaymentIntent, and it goes through.
    expect((await deliver(stripeEvent("payment_intent.succeeded", await chargeCard(retried.providerRef)))).status).toBe(200);
    expect(await paymentRow(retried.id)).toMatchObject({ status: "succeeded" });
    expect(await fundingTransactions(second.id)).toHaveLength(1);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(22_000);
  });

  it("refunds a charge that arrives after the contract closed, instead of crediting it", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Late", amount: 9_000 });
    const { payment } = await fundByCard(f.clientToken, m.id);
    const declined = await call(`/api/contracts/${f.contractId}/decline`, { body: { reason: "Busy" }, token: f.freelancerToken });
    expect(declined.status).toBe(200);
    expect(await paymentRow(payment.id)).toMatchObject({ status: "cancelled" });
    const intent = await chargeCard(payment.providerRef);
    expect((await deliver(stripeEvent("payment_intent.succeeded", intent))).status).toBe(200);
    expect(await paymentRow(payment.id)).toMatchObject({ status: "cancelled" });
    expect(await fundingTransactions(m.id)).toHaveLength(0);
    const refunds = await stripeRequests((r) => r.path === "/v1/refunds" && r.idempotencyKey === `late-refund:${payment.id}`);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ status: 200, params: { charge: intent.latest_charge, amount: "9000" } });
  });

  it("refuses a webhook whose signature does not match and changes nothing", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Guarded", amount: 5_000 });
    const { payment } = await fundByCard(f.clientToken, m.id);
    const event = stripeEvent("payment_intent.succeeded", await chargeCard(payment.providerRef));
    const tampered = await deliver(event, { tamper: true });
    expect(tampered).toEqual({ status: 400, body: { error: expect.objectContaining({ code: "bad_signature" }) } });
    expect((await deliver(event, { secret: "whsec_somebody_else" })).status).toBe(400);
    const unsigned = await call("/api/webhooks/stripe", { body: { id: event.id, type: event.type, data: { object: event.object } } });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.code).toBe("bad_signature");

    expect(await paymentRow(payment.id)).toMatchObject({ status: "pending" });
    expect(await fundingTransactions(m.id)).toHaveLength(0);
    expect(await ctx.db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
  });

  it("lets only the contract's client pay by card, and keeps the sandbox available", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Mine", amount: 7_000 });
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    expect((await call(`/api/milestones/${m.id}/fund`, { body: { provider: "stripe" } })).status).toBe(401);
    expect((await call(`/api/milestones/${m.id}/fund`, { body: { provider: "stripe" }, token: stranger.accessToken })).status).toBe(404);
    const freelancer = await call(`/api/milestones/${m.id}/fund`, { body: { provider: "stripe" }, token: f.freelancerToken });
    expect(freelancer.status).toBe(403);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toEqual([]);
    expect(await stripeRequests((r) => r.path === "/v1/payment_intents" && (r.params.metadata as any)?.milestone_id === m.id)).toEqual([]);

    const sandbox = await call(`/api/milestones/${m.id}/fund`, { body: { provider: "sandbox" }, token: f.clientToken });
    expect(sandbox.status).toBe(200);
    expect(sandbox.body).toMatchObject({ payment: { provider: "sandbox", status: "succeeded" }, milestone: { status: "funded" } });
  });
});

describe("Stripe Connect onboarding", () => {
  it("gives a freelancer one Express account and an onboarding link, and records when payouts are enabled", async () => {
    const { ctx } = testContext(env);
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const before = await call("/api/payments/stripe/connect", { token: freelancer.accessToken });
    expect(before.body).toEqual({ available: true, connected: false, detailsSubmitted: false, payoutsEnabled: false });

    const first = await call("/api/payments/stripe/connect", { method: "POST", token: freelancer.accessToken });
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/\/setup\/e\/acct_/);
    const second = await call("/api/payments/stripe/connect", { method: "POST", token: freelancer.accessToken });
    expect(second.status).toBe(200);
    const rows = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, freelancer.user.id));
    expect(rows).toHaveLength(1);
    const accountId = rows[0].accountId;
    expect(second.body.url).toContain(accountId);
    const created = await stripeRequests((r) => r.path === "/v1/accounts" && r.idempotencyKey === `connect-account:${freelancer.user.id}`);
    expect(created[0].params).toMatchObject({ type: "express", email: freelancer.user.email });
    const links = await stripeRequests((r) => r.path === "/v1/account_links" && r.params.account === accountId);
    expect(links[0].params).toMatchObject({ type: "account_onboarding", return_url: "http://localhost:8787/settings/payouts" });

    const now = Math.floor(Date.now() / 1000);
    const enabled = { id: accountId, object: "account", payouts_enabled: true, details_submitted: true };
    expect((await deliver(stripeEvent("account.updated", enabled, { created: now }))).status).toBe(200);
    // An older update delivered late does not switch payouts back off.
    const stale = { ...enabled, payouts_enabled: false, details_submitted: false };
    expect((await deliver(stripeEvent("account.updated", stale, { created: now - 60 }))).status).toBe(200);
    const after = await call("/api/payments/stripe/connect", { token: freelancer.accessToken });
    expect(after.body).toEqual({ available: true, connected: true, detailsSubmitted: true, payoutsEnabled: true });
  });

  it("is for freelancers only, and needs a session", async () => {
    const { ctx } = testContext(env);
    const client = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/payments/stripe/connect", { method: "POST" })).status).toBe(401);
    const refused = await call("/api/payments/stripe/connect", { method: "POST", token: client.accessToken });
    expect(refused.status).toBe(403);
    expect((await call("/api/payments/stripe/connect", { token: client.accessToken })).status).toBe(403);
    expect(await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, client.user.id))).toEqual([]);
  });
});
