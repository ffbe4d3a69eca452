import { env, SELF } from "cloudflare:test";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractEvents, disputes, ledgerEntries, ledgerTransactions, notifications } from "../../db/schema";
import { fundedMilestone, transactionSums } from "../domain/contracts/test-fixtures";
import { ledgerAccounts } from "../domain/ledger/accounts";
import { accountBalance } from "../domain/ledger/balances";
import { submitMilestone } from "../domain/milestones/workflow";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { pdfBytes } from "../test-support/images";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";

const DAY_MS = 24 * 60 * 60 * 1000;

async function ledgerCount(contractId: string) {
  const { ctx } = testContext(env);
  const txns = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.contractId, contractId));
  const entries = txns.length
    ? await ctx.db
        .select()
        .from(ledgerEntries)
        .where(
          inArray(
            ledgerEntries.transactionId,
            txns.map((t) => t.id),
          ),
        )
    : [];
  return { txns: txns.length, entries: entries.length };
}

async function uploadEvidence(token: string): Promise<string> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(pdfBytes())], "evidence.pdf", { type: "application/pdf" }));
  form.set("purpose", "attachment");
  const res = await SELF.fetch("http://localhost/api/uploads", {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { file: { key: string } }).file.key;
}

async function disputedSubmission(amount = 10_000) {
  const { ctx } = testContext(env);
  const f = await fundedMilestone(ctx, amount);
  await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
  const opened = await call(`/api/milestones/${f.milestoneId}/dispute`, {
    token: f.clientToken,
    body: { reason: "The delivery does not match the brief at all." },
  });
  expect(opened.status).toBe(201);
  return { ...f, ctx, disputeId: opened.body.dispute.id as string };
}

describe("dispute API authorization", () => {
  it("keeps strangers and non-admins out of every dispute endpoint, and nothing changes", async () => {
    const f = await disputedSubmission();
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    const before = await ledgerCount(f.contractId);
    const body = { reason: "I want to take this over, please." };

    for (const [path, init] of [
      [`/api/milestones/${f.milestoneId}/dispute`, { body }],
      [`/api/disputes/${f.disputeId}`, {}],
      [`/api/disputes/${f.disputeId}/respond`, { body: { statement: "Not my contract but hello" } }],
      [`/api/contracts/${f.contractId}/disputes`, {}],
    ] as const) {
      expect((await call(path, init)).status, `anonymous ${path}`).toBe(401);
      const res = await call(path, { ...init, token: stranger.accessToken });
      expect(res.status, `stranger ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    for (const token of [stranger.accessToken, f.clientToken, f.freelancerToken]) {
      expect((await call(`/api/admin/disputes`, { token })).status).toBe(403);
      const res = await call(`/api/admin/disputes/${f.disputeId}/resolve`, { token, body: { outcome: "release", note: "Mine" } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const opener = await call(`/api/disputes/${f.disputeId}/respond`, {
      token: f.clientToken,
      body: { statement: "Answering my own dispute" },
    });
    expect(opener.status).toBe(403);
    expect(opener.body.error.code).toBe("wrong_party");

    expect(await ledgerCount(f.contractId)).toEqual(before);
    const seen = await call(`/api/disputes/${f.disputeId}`, { token: f.freelancerToken });
    expect(seen.body.dispute).toMatchObject({ status: "open", response: null, resolution: null, canRespond: true });
  });
});

describe("opening and answering a dispute", () => {
  it("opens with evidence, freezes the milestone, and records the deadline on the timeline", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 12_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const key = await uploadEvidence(f.clientToken);
    const foreignKey = await uploadEvidence(f.freelancerToken);

    const badFiles = await call(`/api/milestones/${f.milestoneId}/dispute`, {
      token: f.clientToken,
      body: { reason: "Someone else's evidence file here", evidenceFileIds: [foreignKey] },
    });
    expect(badFiles.status).toBe(422);
    expect(badFiles.body.error.code).toBe("invalid_files");
    const tooShort = await call(`/api/milestones/${f.milestoneId}/dispute`, { token: f.clientToken, body: { reason: "no" } });
    expect(tooShort.status).toBe(422);
    expect(await ctx.db.select().from(disputes).where(eq(disputes.milestoneId, f.milestoneId))).toHaveLength(0);

    const opened = await call(`/api/milestones/${f.milestoneId}/dispute`, {
      token: f.clientToken,
      body: { reason: "The delivery does not match the brief.", evidenceFileIds: [key] },
    });
    expect(opened.status).toBe(201);
    const d = opened.body.dispute;
    expect(d).toMatchObject({ status: "open", openerRole: "client", amount: 12_000, currency: "USD", canRespond: false });
    expect(d.evidence).toEqual([expect.objectContaining({ key, contentType: "application/pdf" })]);
    expect(Date.parse(d.responseDueAt) - Date.parse(d.createdAt)).toBe(5 * DAY_MS);

    const again = await call(`/api/milestones/${f.milestoneId}/dispute`, {
      token: f.freelancerToken,
      body: { reason: "A second dispute on the same milestone" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_disputed");

    const before = await ledgerCount(f.contractId);
    const frozen: [string, string, unknown][] = [
      [`/api/milestones/${f.milestoneId}/approve`, f.clientToken, undefined],
      [`/api/milestones/${f.milestoneId}/release`, f.clientToken, { amount: 100, reason: "Part" }],
      [`/api/milestones/${f.milestoneId}/request-changes`, f.clientToken, { message: "Redo it" }],
      [`/api/contracts/${f.contractId}/end`, f.freelancerToken, { reason: "Leaving" }],
    ];
    for (const [path, token, body] of frozen) {
      const res = await call(path, { method: "POST", token, body });
      expect(res.status, path).toBe(409);
    }
    const approve = await call(`/api/milestones/${f.milestoneId}/approve`, { method: "POST", token: f.clientToken });
    expect(approve.body.error).toMatchObject({ code: "milestone_disputed", message: expect.stringMatching(/under dispute/) });
    expect(await ledgerCount(f.contractId)).toEqual(before);

    const [event] = await ctx.db
      .select()
      .from(contractEvents)
      .where(and(eq(contractEvents.contractId, f.contractId), eq(contractEvents.type, "dispute.opened")));
    expect(event.data).toMatchObject({ disputeId: d.id, deadline: d.responseDueAt, amount: 12_000 });
    const told = await ctx.db.select().from(notifications).where(eq(notifications.type, "dispute_opened"));
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([f.client.id, f.freelancer.id]));

    const answered = await call(`/api/disputes/${d.id}/respond`, {
      token: f.freelancerToken,
      body: { statement: "Everything in the brief was delivered on time." },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.dispute).toMatchObject({ status: "answered", response: { statement: expect.stringContaining("brief") } });
    expect(answered.body.dispute.decisionDueAt).not.toBeNull();
    const twice = await call(`/api/disputes/${d.id}/respond`, { token: f.freelancerToken, body: { statement: "And once more, please" } });
    expect(twice.status).toBe(409);

    const list = await call(`/api/contracts/${f.contractId}/disputes`, { token: f.freelancerToken });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [expect.objectContaining({ id: d.id, status: "answered" })], nextCursor: null });
  });

  it("refuses disputes on milestones with nothing held, or on a contract that is not active", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 5_000);
    await call(`/api/milestones/${f.milestoneId}/refund`, { token: f.clientToken, body: { amount: 5_000, reason: "Changed plans" } });
    const res = await call(`/api/milestones/${f.milestoneId}/dispute`, {
      token: f.freelancerToken,
      body: { reason: "Refunded without asking me" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("invalid_state");
  });
});

describe("admin resolution", () => {
  it("splits the held funds exactly in one batch, replays the same decision and refuses a different one", async () => {
    const f = await disputedSubmission(10_001);
    const admin = await createTestUser(env, { roles: ["admin"] });
    const queue = await call(`/api/admin/disputes?status=open&limit=50`, { token: admin.accessToken });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((d: { id: string }) => d.id)).toContain(f.disputeId);

    const noPercent = await call(`/api/admin/disputes/${f.disputeId}/resolve`, {
      token: admin.accessToken,
      body: { outcome: "split", note: "Half each" },
    });
    expect(noPercent.status).toBe(422);

    const resolved = await call(`/api/admin/disputes/${f.disputeId}/resolve`, {
      token: admin.accessToken,
      body: { outcome: "split", freelancerPercent: 30, note: "Part of the work was usable." },
    });
    expect(resolved.status).toBe(200);
    // 30% of 10,001 rounds down to 3,000 gross; the fee on it is 300; the client gets the other 7,001.
    expect(resolved.body.dispute).toMatchObject({
      status: "resolved",
      resolution: { outcome: "split", freelancerPercent: 30, releasedAmount: 3_000, fee: 300, freelancerNet: 2_700, refundedAmount: 7_001 },
    });
    const { ctx } = f;
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(2_700);
    expect(await accountBalance(ctx, ledgerAccounts.clientRefunds(f.client.id), "USD")).toBe(7_001);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(0);
    for (const t of await transactionSums(ctx, f.contractId)) expect(Number(t.sum), t.kind).toBe(0);
    const milestone = await call(`/api/milestones/${f.milestoneId}`, { token: f.clientToken });
    expect(milestone.body.milestone).toMatchObject({
      status: "split",
      outcome: { released: 3_000, refunded: 7_001 },
      funds: { held: 0, released: 3_000, refunded: 7_001 },
    });

    const before = await ledgerCount(f.contractId);
    const repeat = await call(`/api/admin/disputes/${f.disputeId}/resolve`, {
      token: admin.accessToken,
      body: { outcome: "split", freelancerPercent: 30, note: "Part of the work was usable." },
    });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get("Idempotent-Replayed")).toBe("true");
    const different = await call(`/api/admin/disputes/${f.disputeId}/resolve`, {
      token: admin.accessToken,
      body: { outcome: "release", note: "Changed my mind" },
    });
    expect(different.status).toBe(409);
    expect(await ledgerCount(f.contractId)).toEqual(before);

    const told = await ctx.db.select().from(notifications).where(eq(notifications.type, "dispute_resolved"));
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([f.client.id, f.freelancer.id]));
    const timeline = await ctx.db.select().from(contractEvents).where(eq(contractEvents.contractId, f.contractId));
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(["dispute.opened", "milestone.released", "milestone.refunded", "dispute.resolved"]),
    );

    // The milestone is no longer frozen: the contract can end now.
    const end = await call(`/api/contracts/${f.contractId}/end`, { token: f.clientToken, body: { reason: "Done" } });
    expect(end.status).toBe(200);
  });

  it("pages the queue with a cursor", async () => {
    await disputedSubmission();
    await disputedSubmission();
    const admin = await createTestUser(env, { roles: ["admin"] });
    const first = await call(`/api/admin/disputes?limit=1`, { token: admin.accessToken });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(first.body.items[0].id);
    const second = await call(`/api/admin/disputes?limit=1&cursor=${first.body.nextCursor}`, { token: admin.accessToken });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id < first.body.items[0].id).toBe(true);
    expect((await call(`/api/admin/disputes?status=bogus`, { token: admin.accessToken })).status).toBe(422);
  });
});

describe("the admin's dispute page", () => {
  it("asks to confirm a decision, naming the held amount, and moves money only once it is confirmed", async () => {
    const f = await disputedSubmission(10_000);
    const admin = await createTestUser(env, { roles: ["admin"] });
    const page = await browserFor(admin.user);
    const path = `/admin/disputes/${f.disputeId}`;
    const before = await ledgerCount(f.contractId);
    const decision = { outcome: "split", freelancerPercent: "40", note: "Part of the brief was delivered." };

    const asked = await page.post(path, decision);
    expect(asked.status).toBe(200);
    const html = await htmlOf(asked);
    expect(html).toContain("Decide this dispute?");
    expect(html).toContain("Of the $100.00 held, 40% goes to the freelancer");
    expect(await ledgerCount(f.contractId)).toEqual(before);
    const [open] = await f.ctx.db.select({ status: disputes.status }).from(disputes).where(eq(disputes.id, f.disputeId));
    expect(open.status).toBe("open");

    const decided = await page.post(path, { ...decision, _confirmed: "yes" });
    expect(decided.status).toBe(302);
    expect(decided.headers.get("Location")).toBe(path);
    const [resolved] = await f.ctx.db.select({ status: disputes.status }).from(disputes).where(eq(disputes.id, f.disputeId));
    expect(resolved.status).toBe("resolved");
    expect(await ledgerCount(f.contractId)).not.toEqual(before);
  });
});
