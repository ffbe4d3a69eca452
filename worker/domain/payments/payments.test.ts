import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, contracts, ledgerTransactions, payments } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { activeContract } from "../contracts/test-fixtures";
import { ledgerAccounts } from "../ledger/accounts";
import { accountBalance } from "../ledger/balances";
import { milestoneForParty } from "../milestones/access";
import { addMilestone } from "../milestones/manage";
import { markCancelled } from "./cancel";
import { confirmPayment } from "./confirm";
import { fundMilestone } from "./fund";
import type { PaymentProviders } from "./provider";

/** A provider that leaves payments pending, the way a card payment waits for its webhook. */
function webhookProvider(base: PaymentProviders): PaymentProviders {
  return {
    ...base,
    funding: {
      sandbox: {
        name: "sandbox",
        label: "test",
        startPayment: async (input) => ({ providerRef: `hook_${input.paymentId}`, status: "pending" }),
      },
    },
  };
}

describe("confirmPayment", () => {
  it("credits the funds held for the milestone exactly once, however often and concurrently it is called", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 12_345 });
    const started = await fundMilestone({ ...ctx, payments: webhookProvider(ctx.payments!) }, f.client, m.id, { provider: "sandbox" });
    expect(started).toMatchObject({ payment: { status: "pending" }, milestone: { status: "pending", funds: { held: 0 } } });
    // While the payment is under way, the milestone cannot change and cannot be paid twice.
    await expect(
      fundMilestone({ ...ctx, payments: webhookProvider(ctx.payments!) }, f.client, m.id, { provider: "sandbox", idempotencyKey: "other" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "already_funding",
    });

    const ref = started.payment.providerRef!;
    const results = await Promise.all([confirmPayment(ctx, ref), confirmPayment(ctx, ref), confirmPayment(ctx, ref)]);
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect((await confirmPayment(ctx, ref)).credited).toBe(false);

    const txns = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, m.id));
    expect(txns).toHaveLength(1);
    expect(txns[0]).toMatchObject({ kind: "funding", idempotencyKey: `payment:${started.payment.id}` });
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(12_345);
    expect(await accountBalance(ctx, ledgerAccounts.clientFunding(f.client.id), "USD")).toBe(-12_345);
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, started.payment.id));
    expect(payment).toMatchObject({ status: "succeeded", confirmedAt: expect.any(Date) });
    expect((await milestoneForParty(ctx, m.id, f.client.id)).milestone.status).toBe("funded");
  });

  it("answers 404 for a reference it never issued", async () => {
    const { ctx } = testContext(env);
    await expect(confirmPayment(ctx, "sandbox_pay_nope")).rejects.toMatchObject({ status: 404, code: "payment_not_found" });
  });

  it("marks a payment failed when the provider refuses to start it, so the client can try again", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 500 });
    const broken: PaymentProviders = {
      ...ctx.payments!,
      funding: {
        sandbox: {
          name: "sandbox",
          label: "broken",
          startPayment: async () => {
            throw new Error("provider down");
          },
        },
      },
    };
    await expect(fundMilestone({ ...ctx, payments: broken }, f.client, m.id, { provider: "sandbox" })).rejects.toMatchObject({
      status: 502,
      code: "provider_error",
    });
    const retried = await fundMilestone(ctx, f.client, m.id, { provider: "sandbox" });
    expect(retried).toMatchObject({ replayed: false, milestone: { status: "funded" } });
    const rows = await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id));
    expect(rows.map((p) => p.status).sort()).toEqual(["failed", "succeeded"]);
  });
});

describe("cancelling a pending payment", () => {
  it("writes nothing when the payment left pending between the read and the write, even without a contract change", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Declined meanwhile", amount: 2_500 });
    const started = await fundMilestone({ ...ctx, payments: webhookProvider(ctx.payments!) }, f.client, m.id, { provider: "sandbox" });
    const [read] = await ctx.db.select().from(payments).where(eq(payments.id, started.payment.id));
    const [before] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    // A decline lands after our read: it changes only the payment, not the contract's version.
    await ctx.db.update(payments).set({ status: "failed" }).where(eq(payments.id, read.id));

    expect(await markCancelled(ctx, read, f.client.id, "client")).toBe(false);
    const [after] = await ctx.db.select().from(payments).where(eq(payments.id, read.id));
    expect(after.status).toBe("failed");
    const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    expect(contract.version).toBe(before.version);
    const timeline = await ctx.db
      .select()
      .from(contractEvents)
      .where(and(eq(contractEvents.contractId, f.contractId), eq(contractEvents.type, "milestone.funding_cancelled")));
    expect(timeline).toHaveLength(0);

    // Still pending: the same call cancels it, once.
    await ctx.db.update(payments).set({ status: "pending" }).where(eq(payments.id, read.id));
    expect(await markCancelled(ctx, read, f.client.id, "client")).toBe(true);
    expect(await markCancelled(ctx, read, f.client.id, "client")).toBe(false);
    const [cancelled] = await ctx.db.select().from(payments).where(eq(payments.id, read.id));
    expect(cancelled.status).toBe("cancelled");
  });
});
