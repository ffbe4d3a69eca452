import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { ledgerEntries, ledgerTransactions, users } from "../../db/schema";
import { activeContract } from "../domain/contracts/test-fixtures";
import { DEFAULT_RATES } from "../domain/currency/default-rates";
import { refreshRates } from "../jobs/rates-refresh";
import { addMilestone } from "../domain/milestones/manage";
import { runTask } from "../jobs/tasks";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { STAND_IN_FEED } from "../../tests/setup/rates-feed.global";

const feedUrl = inject("ratesFeedUrl");
const feedHost = new URL(feedUrl).host;
const feedTime = new Date(STAND_IN_FEED.timestamp * 1000).toISOString();

const rate = (from: string, to: string) => call(`/api/multicurrency/exchange-rate/${from}/${to}`);
const convert = (amount: unknown, from: string, to: string) => call("/api/multicurrency/convert", { body: { amount, from, to } });

// The tests of this file run in order: the feed is read once, then its failures must keep what it gave.
describe("currencies and exchange rates", () => {
  it("is described in the OpenAPI document", async () => {
    const doc = (await call("/api/openapi.json")).body;
    for (const path of ["/api/multicurrency/currencies", "/api/multicurrency/exchange-rate/{from}/{to}", "/api/payments/crypto/verify"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/api/multicurrency/convert"].post.summary).toContain("rounded half away from zero");
  });

  it("lists every ISO 4217 currency with its minor units", async () => {
    const res = await call("/api/multicurrency/currencies");
    expect(res.status).toBe(200);
    const list = res.body.currencies as { code: string; name: string; minorUnits: number }[];
    expect(list.length).toBeGreaterThan(150);
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    for (const c of list)
      expect(c).toEqual({ code: expect.stringMatching(/^[A-Z]{3}$/), name: expect.any(String), minorUnits: expect.any(Number) });
    const byCode = new Map(list.map((c) => [c.code, c]));
    expect(byCode.get("USD")).toEqual({ code: "USD", name: "US Dollar", minorUnits: 2 });
    expect(byCode.get("JPY")?.minorUnits).toBe(0);
    expect(byCode.get("BHD")?.minorUnits).toBe(3);
    expect(byCode.get("CLF")?.minorUnits).toBe(4);
    expect(byCode.has("XAU")).toBe(false);
  });

  it("answers from the shipped default rates until the feed has given a rate", async () => {
    const res = await rate("USD", "INR");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: "USD",
      to: "INR",
      rate: Number(DEFAULT_RATES.rates.INR),
      fetchedAt: DEFAULT_RATES.fetchedAt,
      source: "default",
    });
  });

  it("refreshes from the feed in the hourly task, rebased on USD and stamped with the feed's time", async () => {
    const { ctx } = testContext(env);
    const run = await runTask(ctx, "rates.refresh");
    expect(run.summary).toContain(`from feed:${feedHost}`);
    const eur = await rate("usd", "eur");
    expect(eur.body).toEqual({ from: "USD", to: "EUR", rate: 0.8, rateText: "0.8", fetchedAt: feedTime, source: `feed:${feedHost}` });
    expect((await rate("EUR", "GBP")).body).toMatchObject({ rate: 0.85, fetchedAt: feedTime });
    expect((await rate("GBP", "JPY")).body.rate).toBeCloseTo(180 / 0.85, 9);
    // A pair mixing a fed and a shipped rate is as old as the older of the two.
    expect((await rate("EUR", "INR")).body).toMatchObject({ fetchedAt: DEFAULT_RATES.fetchedAt, source: "default" });
    expect((await rate("USD", "USD")).body.rate).toBe(1);
  });

  it("keeps the last known rates, with their own time, when the feed fails", async () => {
    const { ctx } = testContext(env);
    const before = (await rate("USD", "EUR")).body;
    // A feed in another base that does not say what a dollar is worth cannot be used either.
    for (const path of ["/down", "/garbage", "/missing", `/echo?base=EUR&timestamp=${STAND_IN_FEED.timestamp + 99}&GBP=0.5`]) {
      const outcome = await refreshRates(ctx, `${feedUrl}${path}`);
      expect(outcome.status).toBe("failed");
    }
    const broken = { ...ctx, config: { ...ctx.config, ratesFeedUrl: `${feedUrl}/down` } };
    expect((await runTask(broken, "rates.refresh")).summary).toContain("kept the last known rates");
    expect((await rate("USD", "EUR")).body).toEqual(before);
  });

  it("converts minor units, rounding half away from zero to each currency's minor units", async () => {
    const cases: [number, string, string, number][] = [
      [10_000, "USD", "JPY", 14_400], // $100.00 -> ¥14,400 (no minor units)
      [10_000, "USD", "BHD", 37_600], // $100.00 -> 37.600 BHD (3 decimals)
      [2, "EUR", "USD", 3], // €0.02 * 1.25 = 2.5 cents -> 3
      [3, "USD", "EUR", 2], // 2.4 cents -> 2
      [1, "JPY", "USD", 1], // ¥1 = 0.69 cents -> 1
      [0, "USD", "EUR", 0],
    ];
    for (const [amount, from, to, converted] of cases) {
      const res = await convert(amount, from, to);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from, to, amount, converted, fetchedAt: feedTime });
      expect(typeof res.body.rate).toBe("number");
    }
  });

  it("refuses unknown currencies, currencies without a rate and amounts that are not minor units", async () => {
    const unknown = await convert(100, "ABC", "USD");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "unknown_currency", fields: { from: expect.any(Array) } });
    expect((await rate("USD", "XYZ")).body.error.code).toBe("unknown_currency");
    const noRate = await rate("USD", "MNT");
    expect(noRate.status).toBe(422);
    expect(noRate.body.error.code).toBe("rate_unavailable");
    const fraction = await convert(1.5, "USD", "EUR");
    expect(fraction.status).toBe(422);
    expect(fraction.body.error.fields.amount).toBeDefined();
  });

  it("locks the rate when a client funds in another currency; the ledger stays in the contract's", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Design", amount: 10_000 });
    const unknown = await call(`/api/milestones/${m.id}/fund`, { token: f.clientToken, body: { provider: "sandbox", currency: "ZZZ" } });
    expect(unknown.status).toBe(422);
    const res = await call(`/api/milestones/${m.id}/fund`, { token: f.clientToken, body: { provider: "sandbox", currency: "EUR" } });
    expect(res.status).toBe(200);
    expect(res.body.payment).toMatchObject({
      amount: 10_000,
      currency: "USD",
      status: "succeeded",
      lockedRate: { paidCurrency: "EUR", paidAmount: 8_000, rate: "0.8", rateFetchedAt: feedTime },
    });
    const txns = await ctx.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.milestoneId, m.id));
    expect(txns.map((t) => t.currency)).toEqual(["USD"]);
    const entries = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, txns[0].id));
    expect(entries.every((e) => e.currency === "USD" && Math.abs(e.amount) === 10_000)).toBe(true);
    // Both sides see the locked rate on the contract's timeline.
    for (const token of [f.clientToken, f.freelancerToken]) {
      const detail = await call(`/api/contracts/${f.contractId}`, { token });
      const started = detail.body.contract.timeline.find(
        (e: { type: string; milestoneId: string }) => e.type === "milestone.funding_started" && e.milestoneId === m.id,
      );
      expect(started.data).toMatchObject({ paidCurrency: "EUR", paidAmount: 8_000, exchangeRate: "0.8" });
    }
  });

  it("never moves a rate backwards when the feed answers with older rates", async () => {
    const { ctx } = testContext(env);
    const older = await refreshRates(ctx, `${feedUrl}/echo?base=USD&timestamp=${STAND_IN_FEED.timestamp - 3600}&EUR=0.5`);
    expect(older.status).toBe("refreshed");
    expect((await rate("USD", "EUR")).body.rate).toBe(0.8);
    const newer = STAND_IN_FEED.timestamp + 3600;
    await refreshRates(ctx, `${feedUrl}/echo?base=USD&timestamp=${newer}&EUR=0.9125`);
    expect((await rate("USD", "EUR")).body).toMatchObject({ rate: 0.9125, fetchedAt: new Date(newer * 1000).toISOString() });
  });

  it("keeps each user's preferred currency, and refuses codes that are not currencies", async () => {
    const user = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/multicurrency/preference", { method: "PUT", body: { currency: "EUR" } })).status).toBe(401);
    const bad = await call("/api/multicurrency/preference", { method: "PUT", token: user.accessToken, body: { currency: "EURO" } });
    expect(bad.status).toBe(422);
    const ok = await call("/api/multicurrency/preference", { method: "PUT", token: user.accessToken, body: { currency: "gbp" } });
    expect(ok.body).toEqual({ preferredCurrency: "GBP" });
    const { ctx } = testContext(env);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, user.user.id));
    expect(row.preferredCurrency).toBe("GBP");
    await call("/api/multicurrency/preference", { method: "PUT", token: user.accessToken, body: { currency: null } });
    const [cleared] = await ctx.db.select().from(users).where(eq(users.id, user.user.id));
    expect(cleared.preferredCurrency).toBeNull();
  });
});
