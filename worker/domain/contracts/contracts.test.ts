import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { createTestUser } from "../../test-support/users";
import { accountBalance } from "../ledger/balances";
import { ledgerAccounts } from "../ledger/accounts";
import { milestoneForParty } from "../milestones/access";
import { addMilestone } from "../milestones/manage";
import { releaseHeldFunds } from "../milestones/release";
import { requestMilestoneChanges, submitMilestone } from "../milestones/workflow";
import { fundMilestone } from "../payments/fund";
import { acceptContract, declineContract, endContract, updateContractTerms } from "./lifecycle";
import { listContracts } from "./list";
import { getContractDetail } from "./queries";
import { activeContract, fundedMilestone, offeredContract, transactionSums } from "./test-fixtures";

describe("contract terms and answers", () => {
  it("lets the client adjust an offer, then the freelancer accepts it and the terms freeze", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx, { bid: 300_000 });
    const offered = await getContractDetail(ctx, f.freelancer.id, f.contractId);
    expect(offered).toMatchObject({
      status: "offered",
      type: "fixed",
      amount: 300_000,
      hourlyRate: null,
      currency: "USD",
      viewerRole: "freelancer",
    });

    const changed = await updateContractTerms(ctx, f.client, f.contractId, { amount: 250_000, startDate: "2031-01-05" });
    expect(changed).toMatchObject({ type: "fixed", amount: 250_000, startDate: "2031-01-05" });
    const hourly = await updateContractTerms(ctx, f.client, f.contractId, { type: "hourly", hourlyRate: 6_000, weeklyHourLimit: 20 });
    expect(hourly).toMatchObject({ type: "hourly", amount: null, hourlyRate: 6_000, weeklyHourLimit: 20 });
    await expect(updateContractTerms(ctx, f.client, f.contractId, { type: "fixed" })).rejects.toMatchObject({
      status: 422,
      fields: { amount: expect.any(Array) },
    });
    await expect(updateContractTerms(ctx, f.freelancer, f.contractId, { amount: 1 })).rejects.toMatchObject({
      status: 403,
      code: "wrong_party",
    });

    const accepted = await acceptContract(ctx, f.freelancer, f.contractId);
    expect(accepted).toMatchObject({ status: "active", type: "hourly", hourlyRate: 6_000, acceptedAt: expect.any(String) });
    await expect(updateContractTerms(ctx, f.client, f.contractId, { hourlyRate: 7_000 })).rejects.toMatchObject({ status: 409 });
    await expect(acceptContract(ctx, f.freelancer, f.contractId)).rejects.toMatchObject({ status: 409 });
    expect(accepted.timeline.map((e) => e.type)).toEqual([
      "contract.offered",
      "contract.terms_updated",
      "contract.terms_updated",
      "contract.accepted",
    ]);
  });

  it("follows the project's budget type on a fresh hourly offer", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx, { budgetType: "hourly", bid: 4_500 });
    expect(await getContractDetail(ctx, f.client.id, f.contractId)).toMatchObject({ type: "hourly", hourlyRate: 4_500, amount: null });
  });

  it("hides a contract from everyone but its two parties", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx);
    const stranger = (await createTestUser(ctx, { roles: ["client", "freelancer"] })).user;
    await expect(getContractDetail(ctx, stranger.id, f.contractId)).rejects.toMatchObject({ status: 404 });
    await expect(acceptContract(ctx, stranger, f.contractId)).rejects.toMatchObject({ status: 404 });
    await expect(acceptContract(ctx, f.client, f.contractId)).rejects.toMatchObject({ status: 403 });
  });

  it("declining an offer sends funds already held back to the client", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Upfront", amount: 8_000 });
    const unfunded = await addMilestone(ctx, f.client, f.contractId, { title: "Later", amount: 2_000 });
    await fundMilestone(ctx, f.client, m.id, { provider: "sandbox" });
    const declined = await declineContract(ctx, f.freelancer, f.contractId, { reason: "Booked up" });
    expect(declined).toMatchObject({ status: "declined", endReason: "Booked up", funds: { held: 0, refunded: 8_000 } });
    expect(declined.milestones.map((x) => [x.id, x.status])).toEqual([
      [m.id, "refunded"],
      [unfunded.id, "cancelled"],
    ]);
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(f.client.id), "USD")).toBe(8_000);
    await expect(fundMilestone(ctx, f.client, unfunded.id, { provider: "sandbox" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("ending a contract", () => {
  it("needs submitted work decided first (409), then refunds what is still held for unsubmitted milestones", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    const second = await addMilestone(ctx, f.client, f.contractId, { title: "Second", amount: 4_000 });
    await fundMilestone(ctx, f.client, second.id, { provider: "sandbox" });
    await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 3_000, reason: "Part one" });
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    await expect(endContract(ctx, f.client, f.contractId, { reason: "Budget cut" })).rejects.toMatchObject({
      status: 409,
      code: "milestone_awaiting_decision",
    });
    await requestMilestoneChanges(ctx, f.client, f.milestoneId, { message: "Not this way" });

    const ended = await endContract(ctx, f.client, f.contractId, { reason: "Budget cut" });
    expect(ended).toMatchObject({
      status: "ended",
      endedBy: f.client.id,
      endReason: "Budget cut",
      funds: { held: 0, released: 3_000, refunded: 11_000 },
    });
    expect(ended.milestones.map((m) => m.status)).toEqual(["refunded", "refunded"]);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(0);
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(f.client.id), "USD")).toBe(11_000);
    for (const t of await transactionSums(ctx, f.contractId)) expect(t.sum).toBe(0);
    await expect(endContract(ctx, f.freelancer, f.contractId, { reason: "again" })).rejects.toMatchObject({ status: 409 });
    await expect(releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 1, reason: "late" })).rejects.toMatchObject({ status: 409 });
  });

  it("lets the freelancer end too, and needs a verified email to do so", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx, { freelancerVerified: false });
    await expect(endContract(ctx, f.freelancer, f.contractId, { reason: "Moving on" })).rejects.toMatchObject({
      status: 403,
      code: "email_unverified",
    });
    const ended = await endContract(ctx, f.client, f.contractId, { reason: "Done" });
    expect(ended.status).toBe("ended");
  });

  it("cancels a payment that was still waiting for its provider", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Slow card", amount: 700 });
    const slow = {
      ...ctx.payments!,
      funding: {
        sandbox: {
          ...ctx.payments!.funding.sandbox!,
          startPayment: async () => ({ providerRef: `slow_${m.id}`, status: "pending" as const }),
        },
      },
    };
    const started = await fundMilestone({ ...ctx, payments: slow }, f.client, m.id, { provider: "sandbox" });
    expect(started.payment.status).toBe("pending");
    expect(started.milestone.status).toBe("pending");
    await endContract(ctx, f.client, f.contractId, { reason: "Changed plans" });
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id));
    expect(payment.status).toBe("cancelled");
    expect((await milestoneForParty(ctx, m.id, f.client.id)).milestone.status).toBe("cancelled");
  });
});

describe("listing contracts", () => {
  it("lists mine on either side, filters by status and role", async () => {
    const { ctx } = testContext(env);
    const a = await offeredContract(ctx);
    const b = await activeContract(ctx);
    const mine = await listContracts(ctx, a.client.id, { limit: 10 });
    expect(mine.items.map((c) => c.id)).toEqual([a.contractId]);
    expect(mine.items[0]).toMatchObject({ viewerRole: "client", project: { title: expect.any(String) }, client: { id: a.client.id } });
    expect((await listContracts(ctx, b.freelancer.id, { limit: 10, status: "active" })).items.map((c) => c.id)).toEqual([b.contractId]);
    expect((await listContracts(ctx, b.freelancer.id, { limit: 10, status: "offered" })).items).toEqual([]);
    expect((await listContracts(ctx, b.freelancer.id, { limit: 10, role: "client" })).items).toEqual([]);
    expect((await listContracts(ctx, b.freelancer.id, { limit: 10, role: "freelancer" })).items[0].viewerRole).toBe("freelancer");
  });

  it("pages newest first with a cursor", async () => {
    const { ctx } = testContext(env);
    const client = await createTestUser(ctx, { roles: ["client"] });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await offeredContract(ctx, { client })).contractId);
    const first = await listContracts(ctx, client.user.id, { limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([made[2], made[1]]);
    expect(first.nextCursor).toBe(made[1]);
    const second = await listContracts(ctx, client.user.id, { limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
  });
});
