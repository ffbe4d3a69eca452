import { env } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerEntries, ledgerTransactions, payments } from "../../db/schema";
import { activeContract, fundedMilestone } from "../domain/contracts/test-fixtures";
import { addMilestone } from "../domain/milestones/manage";
import { submitMilestone } from "../domain/milestones/workflow";
import { testContext } from "../test-support/context";
import { call } from "../test-support/api";
import { createTestUser } from "../test-support/users";

/** Every endpoint that can move money or change a milestone, with a body that would be valid. */
const moneyCalls = (milestoneId: string) =>
  [
    [`/api/milestones/${milestoneId}`, "PATCH", { title: "Mine now" }],
    [`/api/milestones/${milestoneId}/fund`, "POST", { provider: "sandbox" }],
    [`/api/milestones/${milestoneId}/submit`, "POST", undefined],
    [`/api/milestones/${milestoneId}/approve`, "POST", undefined],
    [`/api/milestones/${milestoneId}/request-changes`, "POST", { message: "More" }],
    [`/api/milestones/${milestoneId}/release`, "POST", { amount: 100, reason: "Early" }],
    [`/api/milestones/${milestoneId}/refund`, "POST", { amount: 100, reason: "Back" }],
  ] as const;

async function ledgerSnapshot(contractId: string) {
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

describe("milestone API authorization", () => {
  it("answers 404 to strangers and 403 to the wrong party on every money endpoint, and moves nothing", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    const before = await ledgerSnapshot(f.contractId);

    expect((await call(`/api/milestones/${f.milestoneId}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call(`/api/milestones/${f.milestoneId}`)).status).toBe(401);
    for (const [path, method, body] of moneyCalls(f.milestoneId)) {
      const anonymous = await call(path, { method, body });
      expect(anonymous.status, `anonymous ${path}`).toBe(401);
      const res = await call(path, { method, body, token: stranger.accessToken });
      expect(res.status, `stranger ${path}`).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }

    const wrongParty: [string, string][] = [
      [`/api/milestones/${f.milestoneId}`, f.freelancerToken],
      [`/api/milestones/${f.milestoneId}/fund`, f.freelancerToken],
      [`/api/milestones/${f.milestoneId}/submit`, f.clientToken],
      [`/api/milestones/${f.milestoneId}/approve`, f.freelancerToken],
      [`/api/milestones/${f.milestoneId}/request-changes`, f.freelancerToken],
      [`/api/milestones/${f.milestoneId}/release`, f.freelancerToken],
      [`/api/milestones/${f.milestoneId}/refund`, f.freelancerToken],
    ];
    for (const [[path, method, body], [, token]] of moneyCalls(f.milestoneId).map((c, i) => [c, wrongParty[i]] as const)) {
      const res = await call(path, { method, body, token });
      expect(res.status, `wrong party ${path}`).toBe(403);
      expect(res.body.error.code).toBe("wrong_party");
    }
    expect(await ledgerSnapshot(f.contractId)).toEqual(before);
    const seen = await call(`/api/milestones/${f.milestoneId}`, { token: f.freelancerToken });
    expect(seen.body.milestone).toMatchObject({ status: "submitted", funds: { held: 10_000, released: 0 } });
  });

  it("needs a verified email for anything that moves money (403 email_unverified)", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx, { clientVerified: false });
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 5_000 });
    for (const [path, body] of [
      [`/api/milestones/${m.id}/fund`, { provider: "sandbox" }],
      [`/api/milestones/${m.id}/approve`, undefined],
      [`/api/milestones/${m.id}/release`, { amount: 1, reason: "x" }],
      [`/api/milestones/${m.id}/refund`, { amount: 1, reason: "x" }],
      [`/api/contracts/${f.contractId}/end`, { reason: "x" }],
    ] as const) {
      const res = await call(path, { method: "POST", body, token: f.clientToken });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe("email_unverified");
    }
    expect(await ledgerSnapshot(f.contractId)).toEqual({ txns: 0, entries: 0 });
  });

  // Stripe and USDC are configured in these tests (their own suites cover them); provider_unavailable is covered
  // in worker/domain/milestones/milestones.test.ts with the providers of an unconfigured server.
  it("refuses a provider it does not know, and moves nothing", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 5_000 });
    const res = await call(`/api/milestones/${m.id}/fund`, { token: f.clientToken, body: { provider: "paypal" } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toEqual([]);
  });
});

describe("milestone API idempotency", () => {
  it("funds once for the same Idempotency-Key, and replays the first answer", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Build", amount: 5_000 });
    const headers = { "Idempotency-Key": "fund-once-1" };
    const first = await call(`/api/milestones/${m.id}/fund`, { token: f.clientToken, body: { provider: "sandbox" }, headers });
    const second = await call(`/api/milestones/${m.id}/fund`, { token: f.clientToken, body: { provider: "sandbox" }, headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(second.body.payment.id).toBe(first.body.payment.id);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(1);
    expect(await ledgerSnapshot(f.contractId)).toEqual({ txns: 1, entries: 2 });
    // A new key for a milestone that is already funded is a new request, refused by state.
    const other = await call(`/api/milestones/${m.id}/fund`, {
      token: f.clientToken,
      body: { provider: "sandbox" },
      headers: { "Idempotency-Key": "fund-once-2" },
    });
    expect(other.status).toBe(409);
  });

  it("releases, refunds and approves once per key, even when the retries race", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    const release = () =>
      call(`/api/milestones/${f.milestoneId}/release`, {
        token: f.clientToken,
        body: { amount: 1_000, reason: "Early part" },
        headers: { "Idempotency-Key": "rel-1" },
      });
    const results = await Promise.all([release(), release(), release()]);
    for (const r of results) expect(r.status).toBe(200);
    expect(new Set(results.map((r) => r.body.transactionId)).size).toBe(1);
    const refund = () =>
      call(`/api/milestones/${f.milestoneId}/refund`, {
        token: f.clientToken,
        body: { amount: 500, reason: "Less" },
        headers: { "Idempotency-Key": "ref-1" },
      });
    expect((await refund()).status).toBe(200);
    expect((await refund()).headers.get("Idempotent-Replayed")).toBe("true");
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const approve = () =>
      call(`/api/milestones/${f.milestoneId}/approve`, { token: f.clientToken, method: "POST", headers: { "Idempotency-Key": "app-1" } });
    const [a, b] = await Promise.all([approve(), approve()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.transactionId).toBe(b.body.transactionId);
    const txns = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, f.milestoneId));
    expect(txns.map((t) => t.kind).sort()).toEqual(["funding", "refund", "release", "release"]);
    const misuse = await call(`/api/milestones/${f.milestoneId}/refund`, {
      token: f.clientToken,
      body: { amount: 1, reason: "x" },
      headers: { "Idempotency-Key": "rel-1" },
    });
    expect(misuse.body.error.code).toBe("idempotency_key_reused");
    const badKey = await call(`/api/milestones/${f.milestoneId}/approve`, {
      token: f.clientToken,
      method: "POST",
      headers: { "Idempotency-Key": "x".repeat(300) },
    });
    expect(badKey.body.error.code).toBe("invalid_idempotency_key");
  });

  it("scopes keys to their user: the same key from someone else is a different request", async () => {
    const { ctx } = testContext(env);
    const a = await fundedMilestone(ctx, 2_000);
    const b = await fundedMilestone(ctx, 2_000);
    const headers = { "Idempotency-Key": "shared-key" };
    const first = await call(`/api/milestones/${a.milestoneId}/release`, {
      token: a.clientToken,
      body: { amount: 100, reason: "x" },
      headers,
    });
    const second = await call(`/api/milestones/${b.milestoneId}/release`, {
      token: b.clientToken,
      body: { amount: 100, reason: "x" },
      headers,
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get("Idempotent-Replayed")).toBeNull();
    expect(second.body.transactionId).not.toBe(first.body.transactionId);
  });
});
