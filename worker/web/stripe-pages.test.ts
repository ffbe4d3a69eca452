import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, stripeAccounts } from "../../db/schema";
import { activeContract } from "../domain/contracts/test-fixtures";
import { addMilestone } from "../domain/milestones/manage";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { browserFor, htmlOf } from "../test-support/web";

describe("card payment pages", () => {
  it("offers the client card payment, starts one PaymentIntent and lets the page load Stripe.js", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Logo", amount: 15_000 });
    const client = await browserFor(f.client);

    const contractPage = (await client.get(`/contracts/${f.contractId}`)).html;
    expect(contractPage).toContain("Pay by card");
    expect(contractPage).toContain(`/contracts/${f.contractId}/card?milestone=${m.id}`);

    const page = await client.get(`/contracts/${f.contractId}/card?milestone=${m.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Security-Policy")).toContain("script-src 'self' 'unsafe-inline' https://js.stripe.com");
    expect(page.html).toContain("Continue to pay $150.00");

    const started = await client.post(`/contracts/${f.contractId}/card?milestone=${m.id}`, { milestoneId: m.id });
    expect(started.status).toBe(200);
    expect(await htmlOf(started)).toContain("Loading the secure card form from Stripe");
    // Posting again (a reload, a second tab) resumes the same payment.
    expect((await client.post(`/contracts/${f.contractId}/card?milestone=${m.id}`, { milestoneId: m.id })).status).toBe(200);
    const rows = await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id));
    expect(rows.map((p) => [p.provider, p.status])).toEqual([["stripe", "pending"]]);

    // The freelancer of the same contract cannot start a card payment for it.
    const freelancer = await browserFor(f.freelancer);
    expect((await freelancer.get(`/contracts/${f.contractId}/card?milestone=${m.id}`)).status).toBe(403);
    expect((await freelancer.post(`/contracts/${f.contractId}/card?milestone=${m.id}`, { milestoneId: m.id })).status).toBe(403);
    const stranger = await browserFor((await createTestUser(env, { roles: ["client"] })).user);
    expect((await stranger.get(`/contracts/${f.contractId}/card?milestone=${m.id}`)).status).toBe(404);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(1);
  });

  it("lets a freelancer connect a Stripe account from the payouts page", async () => {
    const { ctx } = testContext(env);
    const { user } = await createTestUser(env, { roles: ["freelancer"] });
    const b = await browserFor(user);
    expect((await b.get("/settings/payouts")).html).toContain("Not connected");
    const answered = await htmlOf(await b.post("/settings/payouts", {}));
    expect(answered).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/setup\/e\/acct_/);
    const [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, user.id));
    expect(account.accountId).toMatch(/^acct_/);
    expect((await b.get("/settings/payouts")).html).toContain("Setup not finished");
  });
});
