import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ledgerTransactions, payouts } from "../../db/schema";
import { fundedMilestone, offeredContract } from "../domain/contracts/test-fixtures";
import { ledgerAccounts } from "../domain/ledger/accounts";
import { accountBalance } from "../domain/ledger/balances";
import { addMilestone } from "../domain/milestones/manage";
import { releaseHeldFunds } from "../domain/milestones/release";
import { fundMilestone } from "../domain/payments/fund";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

/** A freelancer with `earned` (after fees) available, from releases on one contract. */
async function earner(releases: number[]) {
  const { ctx } = testContext(env);
  const total = releases.reduce((a, b) => a + b, 0);
  const f = await fundedMilestone(ctx, total + 10_000);
  for (const [i, amount] of releases.entries()) await releaseHeldFunds(ctx, f.client, f.milestoneId, { amount, reason: `Part ${i + 1}` });
  return { ctx, f };
}

describe("wallet", () => {
  it("shows available earnings, funds held on active contracts as pending, and a paged history", async () => {
    const { ctx, f } = await earner([1_000, 2_000, 3_000]);
    // An offer not yet accepted does not count as pending for the freelancer.
    const offer = await offeredContract(ctx, { freelancer: { user: f.freelancer, accessToken: f.freelancerToken } });
    const upfront = await addMilestone(ctx, offer.client, offer.contractId, { title: "Upfront", amount: 5_000 });
    await fundMilestone(ctx, offer.client, upfront.id, { provider: "sandbox" });

    const wallet = await call("/api/wallet?limit=2", { token: f.freelancerToken });
    expect(wallet.status).toBe(200);
    expect(wallet.body.balances).toEqual([{ currency: "USD", available: 900 + 1_800 + 2_700, pending: 10_000 }]);
    expect(wallet.body.entries.items).toHaveLength(2);
    expect(wallet.body.entries.items[0]).toMatchObject({ kind: "release", amount: 2_700, memo: "Part 3", milestoneId: f.milestoneId });
    const next = await call(`/api/wallet?limit=2&cursor=${wallet.body.entries.nextCursor}`, { token: f.freelancerToken });
    expect(next.body.entries).toMatchObject({ items: [expect.objectContaining({ amount: 900 })], nextCursor: null });

    const empty = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call("/api/wallet", { token: empty.accessToken })).body).toEqual({
      balances: [],
      entries: { items: [], nextCursor: null },
    });
    expect((await call("/api/wallet")).status).toBe(401);
  });
});

describe("payouts", () => {
  it("pays out up to the available balance, once per Idempotency-Key", async () => {
    const { ctx, f } = await earner([10_000]);
    const token = f.freelancerToken;
    const tooMuch = await call("/api/payouts", { token, body: { amount: 9_001, currency: "USD" } });
    expect(tooMuch).toMatchObject({ status: 422, body: { error: { code: "insufficient_funds", fields: { amount: expect.any(Array) } } } });

    const headers = { "Idempotency-Key": "payout-1" };
    const first = await call("/api/payouts", { token, body: { amount: 4_000, currency: "USD" }, headers });
    const again = await call("/api/payouts", { token, body: { amount: 4_000, currency: "USD" }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body.payout.id).toBe(first.body.payout.id);
    const misuse = await call("/api/payouts", { token, body: { amount: 1, currency: "USD" }, headers });
    expect(misuse.body.error.code).toBe("idempotency_key_reused");

    const rows = await ctx.db.select().from(payouts).where(eq(payouts.userId, f.freelancer.id));
    expect(rows).toHaveLength(1);
    expect(
      await ctx.db
        .select()
        .from(ledgerTransactions)
        .where(eq(ledgerTransactions.idempotencyKey, `payout:${rows[0].id}`)),
    ).toHaveLength(1);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(5_000);

    // Without a key, the same amount again the same day is treated as a retry.
    const plain = await call("/api/payouts", { token, body: { amount: 1_000, currency: "USD" } });
    const plainAgain = await call("/api/payouts", { token, body: { amount: 1_000, currency: "USD" } });
    expect(plainAgain.body.payout.id).toBe(plain.body.payout.id);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(4_000);

    const list = await call("/api/payouts?limit=1", { token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: plain.body.payout.id, status: "paid" })]);
    expect(list.body.nextCursor).toBe(plain.body.payout.id);
    const other = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call("/api/payouts", { token: other.accessToken })).body.items).toEqual([]);
  });

  it("never lets racing payouts take more than the balance", async () => {
    const { ctx, f } = await earner([10_000]);
    const attempts = await Promise.all(
      [1, 2, 3].map((i) =>
        call("/api/payouts", {
          token: f.freelancerToken,
          body: { amount: 5_000, currency: "USD" },
          headers: { "Idempotency-Key": `race-${i}` },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of attempts.filter((x) => x.status !== 201)) expect([409, 422]).toContain(a.status);
    expect(await accountBalance(ctx, ledgerAccounts.freelancer(f.freelancer.id), "USD")).toBe(4_000);
  });

  it("is for verified freelancers only", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/payouts", { token: client.accessToken, body: { amount: 1, currency: "USD" } })).status).toBe(403);
    const unverified = await createTestUser(env, { roles: ["freelancer"], verified: false });
    const res = await call("/api/payouts", { token: unverified.accessToken, body: { amount: 1, currency: "USD" } });
    expect(res.body.error.code).toBe("email_unverified");
    const bad = await call("/api/payouts", { token: client.accessToken, body: { amount: 1.5, currency: "dollars" } });
    expect(bad.status).toBe(422);
  });
});
