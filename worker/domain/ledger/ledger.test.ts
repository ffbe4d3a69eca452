import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contracts, ledgerEntries, ledgerTransactions } from "../../../db/schema";
import { testContext } from "../../test-support/context";
import { bumpContractStatement } from "../contract-core/events";
import { fundedMilestone } from "../contracts/test-fixtures";
import { ledgerAccounts } from "./accounts";
import { accountBalance } from "./balances";
import { commitMoneyBatch, DuplicateKeyError } from "./batch";
import { platformFee, PLATFORM_FEE_BPS } from "./fees";
import { balancedPostings, ledgerTransactionStatements, UnbalancedTransactionError } from "./ledger";

describe("balanced postings", () => {
  it("accepts balanced lines per currency and drops zero lines", () => {
    expect(
      balancedPostings({
        currency: "USD",
        postings: [
          { account: "a", amount: -5 },
          { account: "b", amount: 5 },
          { account: "c", amount: 0 },
          { account: "d", amount: -3, currency: "EUR" },
          { account: "e", amount: 3, currency: "EUR" },
        ],
      }),
    ).toHaveLength(4);
  });

  it("refuses unbalanced, fractional or one-sided transactions", () => {
    const bad = [
      [
        { account: "a", amount: -5 },
        { account: "b", amount: 4 },
      ],
      [
        { account: "a", amount: -5 },
        { account: "b", amount: 5, currency: "EUR" },
      ],
      [
        { account: "a", amount: -0.5 },
        { account: "b", amount: 0.5 },
      ],
      [{ account: "a", amount: 0 }],
    ];
    for (const postings of bad) expect(() => balancedPostings({ currency: "USD", postings })).toThrow(UnbalancedTransactionError);
  });
});

describe("platform fee", () => {
  it("is 10% by default, rounded up to the next minor unit", () => {
    expect(PLATFORM_FEE_BPS).toBe(1000);
    expect(platformFee(100_000)).toBe(10_000);
    expect(platformFee(100_001)).toBe(10_001);
    expect(platformFee(9)).toBe(1);
    expect(platformFee(0)).toBe(0);
  });

  it("never takes less than the exact share nor a whole unit more, even for huge amounts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const fee = BigInt(platformFee(amount, bps));
        const exact = BigInt(amount) * BigInt(bps);
        expect(fee * 10_000n >= exact).toBe(true);
        expect((fee - 1n) * 10_000n < exact || fee === 0n).toBe(true);
      }),
    );
  });
});

describe("database guards", () => {
  it("refuses to take more from funds held for a milestone than they hold, as one failed batch", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 1_000);
    const { statements } = ledgerTransactionStatements(ctx, {
      kind: "release",
      idempotencyKey: `test-overdraw:${f.milestoneId}`,
      currency: "USD",
      contractId: f.contractId,
      milestoneId: f.milestoneId,
      postings: [
        { account: ledgerAccounts.escrow(f.contractId), amount: -1_001 },
        { account: ledgerAccounts.freelancer(f.freelancer.id), amount: 1_001 },
      ],
    });
    await expect(commitMoneyBatch(ctx, statements)).rejects.toMatchObject({ status: 409, code: "insufficient_funds" });
    const leftovers = await ctx.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, `test-overdraw:${f.milestoneId}`));
    expect(leftovers).toEqual([]);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(1_000);
  });

  it("refuses a second transaction with the same idempotency key", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 1_000);
    const txn = () =>
      ledgerTransactionStatements(ctx, {
        kind: "release",
        idempotencyKey: `test-dup:${f.milestoneId}`,
        currency: "USD",
        contractId: f.contractId,
        milestoneId: f.milestoneId,
        postings: [
          { account: ledgerAccounts.escrow(f.contractId), amount: -10 },
          { account: ledgerAccounts.freelancer(f.freelancer.id), amount: 10 },
        ],
      }).statements;
    await commitMoneyBatch(ctx, txn());
    await expect(commitMoneyBatch(ctx, txn())).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(990);
  });

  it("refuses a write computed from a stale contract version", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 1_000);
    const [stale] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    await commitMoneyBatch(ctx, [bumpContractStatement(ctx, stale)]);
    await expect(commitMoneyBatch(ctx, [bumpContractStatement(ctx, stale, { endReason: "lost update" })])).rejects.toMatchObject({
      status: 409,
      code: "changed_meanwhile",
    });
    const [now] = await ctx.db.select().from(contracts).where(eq(contracts.id, f.contractId));
    expect(now).toMatchObject({ version: stale.version + 1, endReason: null });
  });

  it("keeps the ledger append-only", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 1_000);
    const [entry] = await ctx.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.account, ledgerAccounts.escrow(f.contractId)));
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/ledger_append_only/) }) };
    await expect(ctx.db.run(sql`update ledger_entries set amount = 1 where id = ${entry.id}`)).rejects.toMatchObject(refused);
    await expect(ctx.db.run(sql`delete from ledger_entries where id = ${entry.id}`)).rejects.toMatchObject(refused);
    await expect(ctx.db.run(sql`delete from ledger_transactions where id = ${entry.transactionId}`)).rejects.toMatchObject(refused);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(1_000);
  });
});
