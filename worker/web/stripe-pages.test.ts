import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, stripeAccounts, type User } from "../../db/schema";
import { createSession } from "../domain/auth/sessions";
import { activeContract } from "../domain/contracts/test-fixtures";
import { addMilestone } from "../domain/milestones/manage";
import { domainContextFromEnv } from "../platform/domain-context";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";

const ORIGIN = "http://localhost";

/** A browser signed in with a web session cookie. */
async function browserFor(user: User) {
  const { token } = await createSession(domainContextFromEnv(env), { userId: user.id, kind: "web", mfaVerified: true, meta: {} });
  const headers = { Host: "localhost", Cookie: `megilance_session=${token}` };
  return {
    get: (path: string) => SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }),
    post: (path: string, fields: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      }),
  };
}

const plain = (html: string) => html.replace(/<!-- -->/g, "");

describe("card payment pages", () => {
  it("offers the client card payment, starts one PaymentIntent and lets the page load Stripe.js", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Logo", amount: 15_000 });
    const client = await browserFor(f.client);

    const contractPage = plain(await (await client.get(`/contracts/${f.contractId}`)).text());
    expect(contractPage).toContain("Pay by card");
    expect(contractPage).toContain(`/contracts/${f.contractId}/card?milestone=${m.id}`);

    const page = await client.get(`/contracts/${f.contractId}/card?milestone=${m.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Security-Policy")).toContain("script-src 'self' 'unsafe-inline' https://js.stripe.com");
    expect(plain(await page.text())).toContain("Continue to pay $150.00");

    const started = await client.post(`/contracts/${f.contractId}/card?milestone=${m.id}`, { milestoneId: m.id });
    expect(started.status).toBe(200);
    expect(plain(await started.text())).toContain("Loading the secure card form from Stripe");
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
    expect(plain(await (await b.get("/settings/payouts")).text())).toContain("Not connected");
    const answered = plain(await (await b.post("/settings/payouts", {})).text());
    expect(answered).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/setup\/e\/acct_/);
    const [account] = await ctx.db.select().from(stripeAccounts).where(eq(stripeAccounts.userId, user.id));
    expect(account.accountId).toMatch(/^acct_/);
    expect(plain(await (await b.get("/settings/payouts")).text())).toContain("Setup not finished");
  });
});
