import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, events, ledgerTransactions, notifications } from "../../../db/schema";
import { sandboxProviders } from "../../platform/payments";
import { testContext } from "../../test-support/context";
import { activeContract, fundedMilestone, offeredContract, transactionSums } from "../contracts/test-fixtures";
import { getContractDetail } from "../contracts/queries";
import { accountBalance } from "../ledger/balances";
import { ledgerAccounts } from "../ledger/accounts";
import { runTask } from "../../jobs/tasks";
import { fundMilestone } from "../payments/fund";
import { milestoneForParty } from "./access";
import { addMilestone, updateMilestone } from "./manage";
import { approveMilestone, refundHeldFunds, releaseHeldFunds } from "./release";
import { AUTO_APPROVE_AFTER_MS } from "./view";
import { requestMilestoneChanges, submitMilestone } from "./workflow";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("milestone state machine", () => {
  it("walks pending -> funded -> submitted -> changes_requested -> submitted -> approved, paying the freelancer less 10%", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const created = await addMilestone(ctx, f.client, f.contractId, { title: "Wireframes", amount: 100_001, dueDate: "2030-01-31" });
    expect(created).toMatchObject({
      status: "pending",
      amount: 100_001,
      currency: "USD",
      position: 1,
      dueDate: "2030-01-31",
      funds: { held: 0 },
    });

    const edited = await updateMilestone(ctx, f.client, created.id, { title: "Wireframes v2", amount: 100_001 });
    expect(edited.title).toBe("Wireframes v2");

    const funded = await fundMilestone(ctx, f.client, created.id, { provider: "sandbox" });
    expect(funded.payment).toMatchObject({ provider: "sandbox", sandbox: true, status: "succeeded", amount: 100_001 });
    expect(funded.milestone).toMatchObject({ status: "funded", funds: { funded: 100_001, held: 100_001 } });
    await expect(updateMilestone(ctx, f.client, created.id, { title: "Too late" })).rejects.toMatchObject({ status: 409 });

    expect((await submitMilestone(ctx, f.freelancer, created.id, { message: "Here you go" })).status).toBe("submitted");
    const back = await requestMilestoneChanges(ctx, f.client, created.id, { message: "Bigger buttons" });
    expect(back).toMatchObject({ status: "changes_requested", changesMessage: "Bigger buttons", funds: { held: 100_001 } });
    expect((await submitMilestone(ctx, f.freelancer, created.id, {})).status).toBe("submitted");

    const approved = await approveMilestone(ctx, f.client, created.id);
    expect(approved.replayed).toBe(false);
    expect(approved.milestone).toMatchObject({ status: "approved", autoApproved: false, funds: { held: 0, released: 100_001 } });
    // 10% of 100,001 is 10,000.1: the fee rounds up to 10,001 and the freelancer gets the rest.
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(90_000);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(0);

    for (const t of await transactionSums(ctx, f.contractId)) expect(t.sum).toBe(0);
    const detail = await getContractDetail(ctx, f.freelancer.id, f.contractId);
    expect(detail.timeline.map((e) => e.type)).toEqual([
      "contract.offered",
      "contract.accepted",
      "milestone.added",
      "milestone.updated",
      "milestone.funding_started",
      "milestone.funded",
      "milestone.submitted",
      "milestone.changes_requested",
      "milestone.submitted",
      "milestone.approved",
    ]);
    const types = (await ctx.db.select().from(notifications).where(eq(notifications.userId, f.freelancer.id))).map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(["milestone_funded", "milestone_changes_requested", "milestone_approved"]));
    const clientTypes = (await ctx.db.select().from(notifications).where(eq(notifications.userId, f.client.id))).map((n) => n.type);
    expect(clientTypes).toEqual(expect.arrayContaining(["contract_accepted", "milestone_submitted"]));
  });

  it("refuses moves from the wrong state with 409 and the wrong party with 403", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 5_000 });
    await expect(submitMilestone(ctx, f.freelancer, m.id, {})).rejects.toMatchObject({ status: 409, code: "invalid_state" });
    await expect(approveMilestone(ctx, f.client, m.id)).rejects.toMatchObject({ status: 409 });
    await expect(fundMilestone(ctx, f.freelancer, m.id, { provider: "sandbox" })).rejects.toMatchObject({
      status: 403,
      code: "wrong_party",
    });
    await fundMilestone(ctx, f.client, m.id, { provider: "sandbox" });
    await expect(submitMilestone(ctx, f.client, m.id, {})).rejects.toMatchObject({ status: 403, code: "wrong_party" });
    await expect(requestMilestoneChanges(ctx, f.client, m.id, { message: "x" })).rejects.toMatchObject({ status: 409 });
    await submitMilestone(ctx, f.freelancer, m.id, {});
    await expect(approveMilestone(ctx, f.freelancer, m.id)).rejects.toMatchObject({ status: 403 });
    await expect(refundHeldFunds(ctx, f.client, m.id, { amount: 1, reason: "no" })).rejects.toMatchObject({ status: 409 });
    await expect(submitMilestone(ctx, f.freelancer, m.id, {})).rejects.toMatchObject({ status: 409 });
  });

  it("does not let work start before the freelancer accepts, and keeps milestones off hourly contracts", async () => {
    const { ctx } = testContext(env);
    const f = await offeredContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Upfront", amount: 1_000 });
    await fundMilestone(ctx, f.client, m.id, { provider: "sandbox" });
    await expect(submitMilestone(ctx, f.freelancer, m.id, {})).rejects.toMatchObject({ status: 409 });
    const hourly = await offeredContract(ctx, { budgetType: "hourly", bid: 5_000 });
    await expect(addMilestone(ctx, hourly.client, hourly.contractId, { title: "x", amount: 1 })).rejects.toMatchObject({
      status: 409,
      code: "hourly_contract",
    });
  });

  it("says provider_unavailable for stripe and usdc where only the sandbox is configured, and moves no money", async () => {
    const { ctx: configured } = testContext(env);
    const ctx = { ...configured, payments: sandboxProviders() };
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 5_000 });
    for (const provider of ["stripe", "usdc"] as const) {
      await expect(fundMilestone(ctx, f.client, m.id, { provider })).rejects.toMatchObject({
        status: 422,
        code: "provider_unavailable",
      });
    }
    expect(await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, m.id))).toEqual([]);
  });
});

describe("partial release and refund", () => {
  it("releases part early with the fee on the released amount, refunds part before submission, and closes at zero", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    const released = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 2_505, reason: "Good start" });
    expect(released.milestone).toMatchObject({ status: "funded", funds: { held: 7_495, released: 2_505 } });
    // ceil(250.5) = 251 to the platform.
    expect(await accountBalance(ctx, ledgerAccounts.platformFees, "USD")).toBeGreaterThanOrEqual(251);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(2_254);

    const refunded = await refundHeldFunds(ctx, f.client, f.milestoneId, { amount: 1_000, reason: "Scope cut" });
    expect(refunded.milestone).toMatchObject({ status: "funded", funds: { held: 6_495, refunded: 1_000 } });
    await expect(refundHeldFunds(ctx, f.client, f.milestoneId, { amount: 6_496, reason: "too much" })).rejects.toMatchObject({
      status: 422,
      code: "amount_too_large",
    });
    await expect(refundHeldFunds(ctx, f.freelancer, f.milestoneId, { amount: 1, reason: "x" })).rejects.toMatchObject({ status: 403 });
    const closed = await refundHeldFunds(ctx, f.client, f.milestoneId, { amount: 6_495, reason: "Stop here" });
    expect(closed.milestone).toMatchObject({ status: "refunded", funds: { held: 0, funded: 10_000, released: 2_505, refunded: 7_495 } });
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(f.client.id), "USD")).toBe(7_495);
  });

  it("treats the same request again as a retry: one ledger transaction, the original result", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    const first = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 1_000, reason: "Bonus" });
    const again = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 1_000, reason: "Bonus" });
    expect(again).toMatchObject({ replayed: true, transactionId: first.transactionId });
    const keyed = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 1_000, reason: "Bonus", idempotencyKey: "k-1" });
    expect(keyed.replayed).toBe(false);
    const keyedAgain = await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount: 1_000, reason: "Bonus", idempotencyKey: "k-1" });
    expect(keyedAgain).toMatchObject({ replayed: true, transactionId: keyed.transactionId });
    await expect(refundHeldFunds(ctx, f.client, f.milestoneId, { amount: 5, reason: "x", idempotencyKey: "k-1" })).rejects.toMatchObject({
      status: 409,
      code: "idempotency_key_reused",
    });
    const releases = await ctx.db
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.milestoneId, f.milestoneId), eq(ledgerTransactions.kind, "release")));
    expect(releases).toHaveLength(2);
  });
});

describe("auto-approval", () => {
  it("approves work left unanswered for 14 days from the daily task, exactly once", async () => {
    const start = new Date("2031-03-01T09:00:00Z");
    const { ctx, clock } = testContext(env, { now: start });
    const f = await fundedMilestone(ctx, 50_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});

    clock.advance(AUTO_APPROVE_AFTER_MS - 60_000);
    await runTask(ctx, "daily.digest");
    expect((await milestoneForParty(ctx, f.milestoneId, f.client.id)).milestone.status).toBe("submitted");

    clock.advance(2 * DAY_MS);
    const run = await runTask(ctx, "daily.digest");
    expect(run.summary).toMatch(/auto-approved [1-9]\d* milestones/);
    const after = await milestoneForParty(ctx, f.milestoneId, f.client.id);
    expect(after.milestone).toMatchObject({ status: "approved", autoApproved: true });
    expect(after.funds).toMatchObject({ held: 0, released: 50_000 });
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(45_000);

    await runTask(ctx, "daily.digest");
    expect(await approveMilestone(ctx, f.client, f.milestoneId)).toMatchObject({ replayed: true });
    const releases = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, f.milestoneId));
    expect(releases.filter((t) => t.kind === "release")).toHaveLength(1);
    const [event] = await ctx.db
      .select()
      .from(contractEvents)
      .where(and(eq(contractEvents.milestoneId, f.milestoneId), eq(contractEvents.type, "milestone.approved")));
    expect(event).toMatchObject({ actorId: null, data: expect.objectContaining({ auto: true }) });
    const audits = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.type, "money.release"), eq(events.subjectId, f.milestoneId)));
    expect(audits).toHaveLength(1);
  });

  it("leaves work alone while the client has answered (changes requested) or the clock has not run out", async () => {
    const start = new Date("2031-05-01T09:00:00Z");
    const { ctx, clock } = testContext(env, { now: start });
    const f = await fundedMilestone(ctx, 20_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    clock.advance(3 * DAY_MS);
    await requestMilestoneChanges(ctx, f.client, f.milestoneId, { message: "Fix the footer" });
    clock.advance(30 * DAY_MS);
    await runTask(ctx, "daily.digest");
    expect((await milestoneForParty(ctx, f.milestoneId, f.client.id)).milestone.status).toBe("changes_requested");
  });
});
