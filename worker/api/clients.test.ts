import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { endContract } from "../domain/contracts/lifecycle";
import { activeContract, fundedMilestone } from "../domain/contracts/test-fixtures";
import { writeReview } from "../domain/reviews/write";
import { saveClientProfile } from "../domain/profiles/client";
import { clientSpendByProject } from "../domain/analytics/personal";

const { ctx } = testContext(env);

describe("GET /api/clients/:id (about the client)", () => {
  it("a new client: nothing spent, payment method not verified, no hires", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    await saveClientProfile(ctx, client.user, { companyName: "Northwind", country: "DE" });
    const res = await call(`/api/clients/${client.user.id}`);
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({
      id: client.user.id,
      companyName: "Northwind",
      paymentVerified: false,
      totalSpent: [],
      hires: 0,
      projectsPosted: 0,
      hireRate: null,
      openProjects: 0,
      timeZone: "Europe/Berlin",
      rating: { average: 0, count: 0 },
      reviews: [],
    });
    expect(res.body.client.localTime).toMatch(/^\d{2}:\d{2}$/);
    expect(res.body.profile.companyName).toBe("Northwind");
  });

  it("a confirmed funding verifies the payment method, and total spent is what the ledger says was paid", async () => {
    const f = await fundedMilestone(ctx, 120_000);
    const before = await call(`/api/clients/${f.client.id}`);
    expect(before.body.client).toMatchObject({
      paymentVerified: true,
      totalSpent: [{ currency: "USD", amount: 120_000 }],
      hires: 1,
      projectsPosted: 1,
      hireRate: 100,
    });
    // The spending page's totals read the same ledger rule.
    const today = new Date().toISOString().slice(0, 10);
    const spending = await clientSpendByProject(ctx, f.client.id, { from: "2000-01-01", to: today });
    expect(spending.totals).toEqual([{ currency: "USD", paid: 120_000, refunded: 0, net: 120_000 }]);
    expect(before.body.profile.paymentVerified).toBe(true);
    expect(before.body.profile.hiring).toEqual({ projectsPosted: 1, openProjects: 0, hires: 1 });
  });

  it("lists the reviews freelancers wrote, with their rating, and not the client's own reviews of others", async () => {
    const f = await activeContract(ctx);
    await endContract(ctx, f.client, f.contractId, { reason: "Done, thank you." });
    await writeReview(ctx, f.freelancer, f.contractId, { rating: 4, comment: "Clear brief and quick answers." });
    await writeReview(ctx, f.client, f.contractId, { rating: 5, comment: "Great work." });
    const { body } = await call(`/api/clients/${f.client.id}`);
    expect(body.client.rating).toEqual({ average: 4, count: 1 });
    expect(body.client.reviews).toEqual([
      expect.objectContaining({ rating: 4, comment: "Clear brief and quick answers.", authorRole: "freelancer" }),
    ]);
  });

  it("is a 404 for someone who is not a client, or nobody", async () => {
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call(`/api/clients/${freelancer.user.id}`)).status).toBe(404);
    expect((await call("/api/clients/nobody-at-all")).body.error.code).toBe("not_found");
  });
});
