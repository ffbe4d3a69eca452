import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { createPublicClient, createTestClient, createWalletClient, http, type Abi, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { localhost } from "viem/chains";
import { describe, expect, inject, it } from "vitest";
import { cryptoTransfers, ledgerTransactions, payments } from "../../db/schema";
import { activeContract, type ContractFixture } from "../domain/contracts/test-fixtures";
import { ledgerAccounts } from "../domain/ledger/accounts";
import { accountBalance } from "../domain/ledger/balances";
import { addMilestone } from "../domain/milestones/manage";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

const evm = inject("evm");
const abi = evm.tokenAbi as Abi;
const transport = http(evm.rpcUrl);
const chain = createPublicClient({ chain: localhost, transport });
const node = createTestClient({ chain: localhost, mode: "ganache", transport });
const payer = createWalletClient({ chain: localhost, transport, account: privateKeyToAccount(evm.payerKey as Hex) });
const pauper = createWalletClient({ chain: localhost, transport, account: privateKeyToAccount(evm.emptyKey as Hex) });

/** $123.45: 12,345 cents, which is 123,450,000 units of a 6-decimal token. */
const AMOUNT_CENTS = 12_345;
const AMOUNT_UNITS = 123_450_000n;
const REQUIRED_CONFIRMATIONS = 3;

async function sendToken(options: { to?: string; units?: bigint; token?: string; wallet?: typeof payer; wait?: boolean } = {}) {
  const wallet = options.wallet ?? payer;
  const hash = await wallet.writeContract({
    address: (options.token ?? evm.tokenAddress) as Address,
    abi,
    functionName: "transfer",
    args: [options.to ?? evm.platformAddress, options.units ?? AMOUNT_UNITS],
    // A fixed gas limit skips estimation, so a transfer that must revert is still sent and mined.
    gas: 120_000n,
  });
  if (options.wait !== false) await chain.waitForTransactionReceipt({ hash });
  return hash;
}

/** Mines blocks until the transaction has the confirmations the Worker is configured to require. */
async function confirm(hash: Hex) {
  const receipt = await chain.getTransactionReceipt({ hash });
  const head = await chain.getBlockNumber();
  const missing = REQUIRED_CONFIRMATIONS - Number(head - receipt.blockNumber + 1n);
  if (missing > 0) await node.mine({ blocks: missing });
}

async function usdMilestone(f?: ContractFixture) {
  const { ctx } = testContext(env);
  const fixture = f ?? (await activeContract(ctx));
  const milestone = await addMilestone(ctx, fixture.client, fixture.contractId, { title: "Paid in USDC", amount: AMOUNT_CENTS });
  return { ...fixture, milestoneId: milestone.id };
}

const verify = (token: string, milestoneId: string, txHash: string) =>
  call("/api/payments/crypto/verify", { token, body: { milestoneId, txHash } });

/** Nothing was credited: the milestone still waits and holds nothing, and no ledger transaction exists. */
async function expectNothingCredited(token: string, milestoneId: string) {
  const res = await call(`/api/milestones/${milestoneId}`, { token });
  expect(res.body.milestone).toMatchObject({ status: "pending", funds: { held: 0, funded: 0 } });
  const { ctx } = testContext(env);
  expect(await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, milestoneId))).toHaveLength(0);
  expect(await ctx.db.select().from(cryptoTransfers).where(eq(cryptoTransfers.milestoneId, milestoneId))).toHaveLength(0);
}

describe("USDC funding", () => {
  it("tells the client where to send USDC, then credits the funds held once the transfer has its confirmations", async () => {
    const f = await usdMilestone();
    const started = await call(`/api/milestones/${f.milestoneId}/fund`, { token: f.clientToken, body: { provider: "usdc" } });
    expect(started.status).toBe(200);
    expect(started.body.payment).toMatchObject({ provider: "usdc", status: "pending", amount: AMOUNT_CENTS, currency: "USD" });
    expect(started.body.nextAction).toEqual({
      type: "send_usdc",
      address: evm.platformAddress.toLowerCase(),
      tokenAddress: evm.tokenAddress.toLowerCase(),
      chainId: evm.chainId,
      amount: AMOUNT_UNITS.toString(),
      decimals: 6,
      confirmations: REQUIRED_CONFIRMATIONS,
    });

    const hash = await sendToken();
    const early = await verify(f.clientToken, f.milestoneId, hash);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("not_enough_confirmations");
    expect(early.body.error.message).toContain(`1 of the ${REQUIRED_CONFIRMATIONS} confirmations`);
    expect(early.body.error.message).toContain("2 more blocks");
    await expectNothingCredited(f.clientToken, f.milestoneId);

    await confirm(hash);
    const res = await verify(f.clientToken, f.milestoneId, hash.toUpperCase().replace("0X", "0x"));
    expect(res.status).toBe(200);
    expect(res.body.milestone).toMatchObject({ id: f.milestoneId, status: "funded", funds: { held: AMOUNT_CENTS } });
    expect(res.body.payment).toMatchObject({ id: started.body.payment.id, provider: "usdc", status: "succeeded", amount: AMOUNT_CENTS });
    expect(res.body).toMatchObject({ txHash: hash.toLowerCase(), amount: AMOUNT_UNITS.toString() });

    const { ctx } = testContext(env);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(AMOUNT_CENTS);
    const [recorded] = await ctx.db.select().from(cryptoTransfers).where(eq(cryptoTransfers.txHash, hash.toLowerCase()));
    expect(recorded).toMatchObject({ paymentId: started.body.payment.id, chainId: evm.chainId, amount: AMOUNT_UNITS.toString() });
  });

  it("takes a transfer without a prior fund request, and accepts paying more than the amount", async () => {
    const f = await usdMilestone();
    const hash = await sendToken({ units: AMOUNT_UNITS + 5n });
    await confirm(hash);
    const res = await verify(f.clientToken, f.milestoneId, hash);
    expect(res.status).toBe(200);
    expect(res.body.milestone).toMatchObject({ status: "funded", funds: { held: AMOUNT_CENTS } });
    expect(res.body.amount).toBe((AMOUNT_UNITS + 5n).toString());
  });

  it("refuses transfers that are too small, of another token, to someone else, reverted or unknown, and credits nothing", async () => {
    const f = await usdMilestone();
    const cases: [Hex, number, string, string][] = [
      [await sendToken({ units: AMOUNT_UNITS - 1n }), 422, "amount_too_small", "sent 123.449999 USDC; the milestone needs 123.45 USDC"],
      [await sendToken({ token: evm.otherTokenAddress }), 422, "wrong_token", "moved no USDC"],
      [await sendToken({ to: evm.strangerAddress }), 422, "wrong_recipient", evm.platformAddress.toLowerCase()],
      [await sendToken({ wallet: pauper }), 422, "tx_failed", "reverted"],
      [`0x${"ab".repeat(32)}`, 404, "tx_not_found", "No transaction"],
    ];
    await node.mine({ blocks: REQUIRED_CONFIRMATIONS });
    for (const [hash, status, code, text] of cases) {
      const res = await verify(f.clientToken, f.milestoneId, hash);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
      expect(res.body.error.message).toContain(text);
    }
    await expectNothingCredited(f.clientToken, f.milestoneId);
    const { ctx } = testContext(env);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, f.milestoneId))).toHaveLength(0);
  });

  it("says a transaction that is not mined yet is pending", async () => {
    const f = await usdMilestone();
    await node.request({ method: "miner_stop" as never });
    let hash: Hex;
    try {
      hash = await sendToken({ wait: false });
      const res = await verify(f.clientToken, f.milestoneId, hash);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("tx_pending");
    } finally {
      await node.request({ method: "miner_start" as never });
    }
    await chain.waitForTransactionReceipt({ hash });
    await expectNothingCredited(f.clientToken, f.milestoneId);
  });

  it("counts a transaction once, ever: again for the same milestone, for another one, or raced", async () => {
    const f = await usdMilestone();
    const hash = await sendToken();
    await confirm(hash);
    expect((await verify(f.clientToken, f.milestoneId, hash)).status).toBe(200);

    const again = await verify(f.clientToken, f.milestoneId, hash);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("tx_already_used");
    const other = await usdMilestone(f);
    const reused = await verify(f.clientToken, other.milestoneId, hash);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("tx_already_used");
    await expectNothingCredited(f.clientToken, other.milestoneId);

    // One fresh transaction posted for two milestones (and twice for one) at the same moment.
    const b = await usdMilestone(f);
    const c = await usdMilestone(f);
    const raced = await sendToken();
    await confirm(raced);
    const results = await Promise.all([
      verify(f.clientToken, b.milestoneId, raced),
      verify(f.clientToken, c.milestoneId, raced),
      verify(f.clientToken, b.milestoneId, raced),
      verify(f.clientToken, c.milestoneId, raced),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409))
      expect(r.body.error.code).toMatch(/^(tx_already_used|already_funding|changed_meanwhile)$/);
    const { ctx } = testContext(env);
    const used = await ctx.db.select().from(cryptoTransfers).where(eq(cryptoTransfers.txHash, raced.toLowerCase()));
    expect(used).toHaveLength(1);
    const credited = [b.milestoneId, c.milestoneId].filter((id) => id === used[0].milestoneId);
    expect(credited).toHaveLength(1);
    const loser = used[0].milestoneId === b.milestoneId ? c.milestoneId : b.milestoneId;
    await expectNothingCredited(f.clientToken, loser);
    expect(await accountBalance(ctx, ledgerAccounts.escrow(f.contractId), "USD")).toBe(2 * AMOUNT_CENTS);
  });

  it("lets only the contract's client verify: the freelancer gets 403, anyone else 404, nobody signed in 401", async () => {
    const f = await usdMilestone();
    const hash = await sendToken();
    await confirm(hash);
    const outsider = await createTestUser(env, { roles: ["client"] });
    expect((await verify(f.freelancerToken, f.milestoneId, hash)).status).toBe(403);
    expect((await verify(outsider.accessToken, f.milestoneId, hash)).status).toBe(404);
    expect((await verify(f.clientToken, "no-such-milestone", hash)).status).toBe(404);
    expect((await call("/api/payments/crypto/verify", { body: { milestoneId: f.milestoneId, txHash: hash } })).status).toBe(401);
    const bad = await verify(f.clientToken, f.milestoneId, "0x1234");
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.txHash).toBeDefined();
    await expectNothingCredited(f.clientToken, f.milestoneId);
    // The hash is still unused, so the client can still fund with it.
    expect((await verify(f.clientToken, f.milestoneId, hash)).status).toBe(200);
  });

  it("funds only US-dollar milestones", async () => {
    const { ctx } = testContext(env);
    const f = await usdMilestone(await activeContract(ctx, { currency: "EUR" }));
    const fund = await call(`/api/milestones/${f.milestoneId}/fund`, { token: f.clientToken, body: { provider: "usdc" } });
    expect(fund.status).toBe(422);
    expect(fund.body.error.code).toBe("currency_not_supported");
    const hash = await sendToken();
    await confirm(hash);
    const res = await verify(f.clientToken, f.milestoneId, hash);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("currency_not_supported");
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, f.milestoneId))).toHaveLength(0);
  });
});
