import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, ledgerTransactions } from "../../../db/schema";
import { fundedMilestone } from "../contracts/test-fixtures";
import { ledgerAccounts } from "../ledger/accounts";
import { accountBalance } from "../ledger/balances";
import { milestoneForParty } from "../milestones/access";
import { submitMilestone } from "../milestones/workflow";
import { runTask } from "../../jobs/tasks";
import { testContext } from "../../test-support/context";
import { openDispute, respondToDispute } from "./open";
import { getDispute } from "./queries";
import { DISPUTE_RESPONSE_MS, splitHeld } from "./rules";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("splitHeld", () => {
  it("divides the held amount exactly, rounding the freelancer's gross share down", () => {
    expect(splitHeld(10_000, "release")).toEqual({ released: 10_000, fee: 1_000, freelancerNet: 9_000, refunded: 0 });
    expect(splitHeld(10_000, "refund")).toEqual({ released: 0, fee: 0, freelancerNet: 0, refunded: 10_000 });
    expect(splitHeld(10_000, "split", 50)).toEqual({ released: 5_000, fee: 500, freelancerNet: 4_500, refunded: 5_000 });
    // 33% of 999 = 329.67 -> 329 gross; fee 32.9 -> 33 (up); client 670.
    expect(splitHeld(999, "split", 33)).toEqual({ released: 329, fee: 33, freelancerNet: 296, refunded: 670 });
    // 1% of 1 minor unit rounds to nothing: all of it goes back.
    expect(splitHeld(1, "split", 1)).toEqual({ released: 0, fee: 0, freelancerNet: 0, refunded: 1 });
    expect(() => splitHeld(100, "split", 101)).toThrow();
  });
});

describe("dispute deadlines", () => {
  it("decides an unanswered dispute for the opener after 5 days, from the daily run, once", async () => {
    const start = new Date("2032-01-10T08:00:00Z");
    const { ctx, clock } = testContext(env, { now: start });
    const byClient = await fundedMilestone(ctx, 40_000);
    const clientDispute = await openDispute(ctx, byClient.client, byClient.milestoneId, { text: "Nothing was delivered at all." });
    const byFreelancer = await fundedMilestone(ctx, 20_000);
    await submitMilestone(ctx, byFreelancer.freelancer, byFreelancer.milestoneId, {});
    const freelancerDispute = await openDispute(ctx, byFreelancer.freelancer, byFreelancer.milestoneId, {
      text: "The client stopped answering.",
    });

    clock.advance(DISPUTE_RESPONSE_MS - 60_000);
    await runTask(ctx, "daily.digest");
    expect((await getDispute(ctx, byClient.client, clientDispute.id)).status).toBe("open");

    clock.advance(2 * 60_000);
    await expect(respondToDispute(ctx, byClient.freelancer, clientDispute.id, { text: "Too late to say this" })).rejects.toMatchObject({
      status: 409,
      code: "deadline_passed",
    });
    const run = await runTask(ctx, "daily.digest");
    expect(run.summary).toMatch(/decided [1-9]\d* unanswered disputes/);

    const refunded = await getDispute(ctx, byClient.client, clientDispute.id);
    expect(refunded).toMatchObject({
      status: "resolved",
      resolution: { outcome: "refund", byDefault: true, resolvedBy: null, refundedAmount: 40_000 },
    });
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(byClient.client.id), "USD")).toBe(40_000);
    expect((await milestoneForParty(ctx, byClient.milestoneId, byClient.client.id)).milestone.status).toBe("refunded");

    const released = await getDispute(ctx, byFreelancer.freelancer, freelancerDispute.id);
    expect(released.resolution).toMatchObject({ outcome: "release", byDefault: true, releasedAmount: 20_000, freelancerNet: 18_000 });
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(byFreelancer.freelancer.id), "USD")).toBe(18_000);

    await runTask(ctx, "daily.digest");
    const moves = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, byClient.milestoneId));
    expect(moves.filter((t) => t.kind === "refund")).toHaveLength(1);
    const [resolvedEvent] = await ctx.db
      .select()
      .from(contractEvents)
      .where(and(eq(contractEvents.contractId, byClient.contractId), eq(contractEvents.type, "dispute.resolved")));
    expect(resolvedEvent).toMatchObject({ actorId: null, data: expect.objectContaining({ byDefault: true, outcome: "refund" }) });
  });

  it("keeps an answered dispute's milestone frozen: no auto-approval while an admin has not decided", async () => {
    const start = new Date("2032-03-01T08:00:00Z");
    const { ctx, clock } = testContext(env, { now: start });
    const f = await fundedMilestone(ctx, 30_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const d = await openDispute(ctx, f.client, f.milestoneId, { text: "The work is incomplete." });
    clock.advance(DAY_MS);
    const answered = await respondToDispute(ctx, f.freelancer, d.id, { text: "It is complete, see the files." });
    expect(answered).toMatchObject({ status: "answered", canRespond: false });
    clock.advance(20 * DAY_MS);
    await runTask(ctx, "daily.digest");
    const after = await milestoneForParty(ctx, f.milestoneId, f.client.id);
    expect(after.milestone.status).toBe("submitted");
    expect(after.funds.held).toBe(30_000);
    expect((await getDispute(ctx, f.client, d.id)).status).toBe("answered");
  });
});
