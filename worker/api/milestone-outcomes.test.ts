import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices, notifications, payments } from "../../db/schema";
import { activeContract } from "../domain/contracts/test-fixtures";
import { convertAmount } from "../domain/currency/rates";
import { formatRate } from "../domain/currency/format";
import { addMilestone } from "../domain/milestones/manage";
import { submitMilestone } from "../domain/milestones/workflow";
import { formatDateTime } from "../domain/time/format";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { fetchPdf, pageText } from "../test-support/pdf";
import { createTestUser } from "../test-support/users";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A euro milestone of €200 on an active contract, funded by the client through the API (optionally paying in pounds). */
async function fundedEuroMilestone(payIn?: string) {
  const { ctx, clock } = testContext(env);
  const f = await activeContract(ctx, { currency: "EUR" });
  const m = await addMilestone(ctx, f.client, f.contractId, { title: "Brand guide", amount: 20_000 });
  let quote = null;
  if (payIn) {
    const quoted = await call(`/api/milestones/${m.id}/quote?currency=${payIn}`, { token: f.clientToken });
    expect(quoted.status).toBe(200);
    quote = quoted.body.quote;
  }
  const funded = await call(`/api/milestones/${m.id}/fund`, {
    token: f.clientToken,
    body: { provider: "sandbox", ...(quote ? { currency: payIn, chargedAmount: quote.chargedAmount } : {}) },
  });
  expect(funded.status).toBe(200);
  return { ...f, ctx, clock, milestoneId: m.id, quote };
}

async function dispute(f: { milestoneId: string; clientToken: string; freelancerToken: string }, by: "client" | "freelancer") {
  const opened = await call(`/api/milestones/${f.milestoneId}/dispute`, {
    token: by === "client" ? f.clientToken : f.freelancerToken,
    body: { reason: by === "client" ? "Only part of the brief was delivered." : "The work was delivered but not paid." },
  });
  expect(opened.status).toBe(201);
  return opened.body.dispute.id as string;
}

async function decide(disputeId: string, body: Record<string, unknown>) {
  const admin = await createTestUser(env, { roles: ["admin"] });
  const res = await call(`/api/admin/disputes/${disputeId}/resolve`, {
    token: admin.accessToken,
    body: { note: "Decided on the evidence.", ...body },
  });
  expect(res.status).toBe(200);
  return res.body.dispute;
}

const milestoneOf = async (id: string, token: string) => (await call(`/api/milestones/${id}`, { token })).body.milestone;

describe("a euro milestone paid in pounds, disputed and split", () => {
  it("quotes the exact charge first, refuses a charge that moved, and locks what the client confirmed", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx, { currency: "EUR" });
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Logo", amount: 20_000 });
    const expected = await convertAmount(ctx, 20_000, "EUR", "GBP");

    const quote = await call(`/api/milestones/${m.id}/quote?currency=gbp`, { token: f.clientToken });
    expect(quote.status).toBe(200);
    expect(quote.body.quote).toEqual({
      amount: 20_000,
      currency: "EUR",
      chargedAmount: expected.converted,
      chargedCurrency: "GBP",
      rate: expected.quote.rateText,
      fetchedAt: expected.quote.fetchedAt.toISOString(),
    });
    expect((await call(`/api/milestones/${m.id}/quote?currency=GBP`, { token: f.freelancerToken })).status).toBe(403);
    const noRate = await call(`/api/milestones/${m.id}/quote?currency=KPW`, { token: f.clientToken });
    expect(noRate.status).toBe(422);
    expect(noRate.body.error.code).toBe("rate_unavailable");

    const moved = await call(`/api/milestones/${m.id}/fund`, {
      token: f.clientToken,
      body: { provider: "sandbox", currency: "GBP", chargedAmount: expected.converted + 1 },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe("quote_changed");
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(0);

    const paid = await call(`/api/milestones/${m.id}/fund`, {
      token: f.clientToken,
      body: { provider: "sandbox", currency: "GBP", chargedAmount: expected.converted },
    });
    expect(paid.status).toBe(200);
    expect(paid.body.milestone).toMatchObject({
      status: "funded",
      statusLabel: "Funded",
      outcome: null,
      charged: { amount: expected.converted, currency: "GBP", rate: expected.quote.rateText, refunded: 0 },
    });
  });

  it("shows the split to both sides in the same words, with a credit note for the refund in the invoice series", async () => {
    const f = await fundedEuroMilestone("GBP");
    const paidInPounds = f.quote.chargedAmount as number;
    await submitMilestone(f.ctx, f.freelancer, f.milestoneId, {});
    const disputeId = await dispute(f, "client");
    const decided = await decide(disputeId, { outcome: "split", freelancerPercent: 40 });
    const sentence = "MegiLance support decided: €80.00 released to the freelancer, €120.00 refunded to the client.";
    expect(decided.resolution).toMatchObject({ label: "Split: €80.00 released, €120.00 refunded", text: sentence });

    // The same milestone, the same state and words for both sides; never "approved".
    const givenBack = Math.round((paidInPounds * 12_000) / 20_000);
    for (const token of [f.clientToken, f.freelancerToken]) {
      const m = await milestoneOf(f.milestoneId, token);
      expect(m.status).toBe("split");
      expect(m.status).not.toBe("approved");
      expect(m.outcome).toEqual({ released: 8_000, refunded: 12_000 });
      expect(m.statusLabel).toBe("Split: €80.00 released, €120.00 refunded");
      expect(m.decision).toEqual({ disputeId, by: "support", text: sentence });
      expect(m.charged).toMatchObject({ amount: paidInPounds, currency: "GBP", refunded: givenBack });
    }

    // Both are told, in that sentence, once.
    const told = await f.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.type, "dispute_resolved"), eq(notifications.link, `/disputes/${disputeId}`)));
    expect(told.map((n) => n.userId).sort()).toEqual([f.client.id, f.freelancer.id].sort());
    for (const n of told) expect(n.body).toContain(sentence);

    // The refund's credit note: numbered after the charge invoice it credits, in pounds as well as euros.
    const docs = await f.ctx.db.select().from(invoices).where(eq(invoices.contractId, f.contractId));
    const charge = docs.find((d) => d.kind === "charge")!;
    const credit = docs.find((d) => d.kind === "credit_note")!;
    expect(charge).toMatchObject({ total: 20_000, currency: "EUR", chargedAmount: paidInPounds, chargedCurrency: "GBP" });
    expect(credit).toMatchObject({
      recipientId: f.client.id,
      issuerId: f.freelancer.id,
      total: 12_000,
      currency: "EUR",
      chargedAmount: givenBack,
      chargedCurrency: "GBP",
      creditsInvoiceId: charge.id,
      number: expect.stringMatching(/^ML-\d{4}-\d{6}$/),
    });
    expect(credit.year === charge.year && credit.sequence > charge.sequence).toBe(true);

    const view = await call(`/api/invoices/${credit.id}`, { token: f.clientToken });
    expect(view.body.invoice).toMatchObject({
      kind: "credit_note",
      title: "Credit note",
      credits: { id: charge.id, number: charge.number },
      charged: { amount: givenBack, currency: "GBP", rate: charge.exchangeRate },
    });
    const pdf = await fetchPdf(`/api/invoices/${credit.id}/pdf`, f.clientToken);
    expect(pdf.status).toBe(200);
    const text = await pageText(pdf.bytes);
    expect(text).toContain("Credit note");
    expect(text).toContain(credit.number);
    expect(text).toContain(`Credits invoice ${charge.number}.`);
    expect(text).toContain("120.00 EUR");
    const rate = formatRate(charge.exchangeRate!);
    expect(rate.replace(/\D/g, "").length).toBeLessThanOrEqual(7);
    expect(text).toContain(`1 EUR = ${rate} GBP`);
    expect(text).toContain(`(rate of ${formatDateTime(charge.rateFetchedAt!)})`);
  });
});

describe("every dispute outcome has its own state and wording", () => {
  it("released in full: not approved, and said as a decision", async () => {
    const f = await fundedEuroMilestone();
    await submitMilestone(f.ctx, f.freelancer, f.milestoneId, {});
    const disputeId = await dispute(f, "freelancer");
    await decide(disputeId, { outcome: "release" });
    const m = await milestoneOf(f.milestoneId, f.clientToken);
    expect(m).toMatchObject({
      status: "released",
      statusLabel: "Released in full",
      outcome: { released: 20_000, refunded: 0 },
      decision: { by: "support", text: "MegiLance support decided: all €200.00 released to the freelancer." },
      approvedAt: null,
      charged: null,
    });
    const credits = await f.ctx.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.contractId, f.contractId), eq(invoices.kind, "credit_note")));
    expect(credits).toHaveLength(0);
  });

  it("refunded in full: a credit note for all of it", async () => {
    const f = await fundedEuroMilestone();
    const disputeId = await dispute(f, "client");
    await decide(disputeId, { outcome: "refund" });
    const m = await milestoneOf(f.milestoneId, f.freelancerToken);
    expect(m).toMatchObject({
      status: "refunded",
      statusLabel: "Refunded in full",
      outcome: { released: 0, refunded: 20_000 },
      decision: { by: "support", text: "MegiLance support decided: all €200.00 refunded to the client." },
    });
    const [credit] = await f.ctx.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.contractId, f.contractId), eq(invoices.kind, "credit_note")));
    expect(credit).toMatchObject({ total: 20_000, recipientId: f.client.id, chargedAmount: null });
  });

  it("decided by default when the other side never answered, and said so", async () => {
    const f = await fundedEuroMilestone();
    await dispute(f, "client");
    f.clock.advance(6 * DAY_MS);
    const { decideUnansweredDisputes } = await import("../domain/disputes/resolve");
    expect((await decideUnansweredDisputes(f.ctx)).decided).toBeGreaterThanOrEqual(1);
    const m = await milestoneOf(f.milestoneId, f.clientToken);
    expect(m).toMatchObject({
      status: "refunded",
      decision: { by: "default", text: "Decided by default, as no answer came in time: all €200.00 refunded to the client." },
    });
  });

  it("approved by the client: approved and paid, with no decision", async () => {
    const f = await fundedEuroMilestone();
    await submitMilestone(f.ctx, f.freelancer, f.milestoneId, {});
    expect((await call(`/api/milestones/${f.milestoneId}/approve`, { token: f.clientToken, method: "POST" })).status).toBe(200);
    const m = await milestoneOf(f.milestoneId, f.freelancerToken);
    expect(m).toMatchObject({
      status: "approved",
      statusLabel: "Approved and paid",
      outcome: { released: 20_000, refunded: 0 },
      decision: null,
    });
  });
});
