import { env } from "cloudflare:test";
import { eq, inArray, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { invoices, payments, payouts } from "../../db/schema";
import { fundedMilestone } from "../domain/contracts/test-fixtures";
import { hourlyContract } from "../domain/hourly/test-fixtures";
import { issueChargeInvoice } from "../domain/invoices/issue";
import { issueMissingInvoices } from "../domain/invoices/sweep";
import { approveMilestone } from "../domain/milestones/release";
import { submitMilestone } from "../domain/milestones/workflow";
import { confirmPayment } from "../domain/payments/confirm";
import { requestPayout } from "../domain/wallet/payouts";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { fetchPdf, pageText } from "../test-support/pdf";
import { createTestUser } from "../test-support/users";

async function invoicesFor(ctx: ReturnType<typeof testContext>["ctx"], where: ReturnType<typeof eq>) {
  return ctx.db.select().from(invoices).where(where);
}

describe("invoices for money movements", () => {
  it("issues exactly one charge invoice per confirmed payment, even when the confirmation repeats", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 25_000);
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.milestoneId, f.milestoneId));
    await confirmPayment(ctx, payment.providerRef as string);
    await confirmPayment(ctx, payment.providerRef as string);
    await Promise.all([issueChargeInvoice(ctx, payment.id), issueChargeInvoice(ctx, payment.id)]);
    const issued = await invoicesFor(ctx, eq(invoices.paymentId, payment.id));
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({
      kind: "charge",
      number: expect.stringMatching(/^ML-\d{4}-\d{6}$/),
      issuerId: f.freelancer.id,
      recipientId: f.client.id,
      subtotal: 25_000,
      feeAmount: 0,
      taxAmount: 0,
      total: 25_000,
      currency: "USD",
      contractId: f.contractId,
      lines: [{ description: "Milestone: First delivery", quantity: 1, unitAmount: 25_000, amount: 25_000 }],
    });
    expect(issued[0].recipient).toMatchObject({ name: f.client.name, email: f.client.email });
  });

  it("issues a fee statement per release and a receipt per payout, once each even when retried", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const approval = await approveMilestone(ctx, f.client, f.milestoneId);
    await approveMilestone(ctx, f.client, f.milestoneId);
    const fees = await invoicesFor(ctx, eq(invoices.ledgerTransactionId, approval.transactionId as string));
    expect(fees).toHaveLength(1);
    expect(fees[0]).toMatchObject({
      kind: "fee",
      recipientId: f.freelancer.id,
      issuerId: null,
      subtotal: 10_000,
      feeRateBps: 1000,
      feeAmount: 1_000,
      total: 9_000,
    });

    const payout = () => requestPayout(ctx, f.freelancer, { amount: 9_000, currency: "USD", idempotencyKey: "all-of-it" });
    const first = await payout();
    await payout();
    const receipts = await invoicesFor(ctx, eq(invoices.payoutId, first.payout.id));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ kind: "payout", recipientId: f.freelancer.id, total: 9_000 });
  });

  it("bills approved hours as hours × rate", async () => {
    const { ctx } = testContext(env);
    const f = await hourlyContract(ctx, { rate: 5_000 });
    const date = new Date().toISOString().slice(0, 10);
    await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.freelancerToken, body: { date, minutes: 150, memo: "Work" } });
    const week = (await call(`/api/contracts/${f.contractId}/time-entries`, { token: f.freelancerToken })).body.week.weekStart;
    const sheet = (await call(`/api/contracts/${f.contractId}/timesheets/${week}/submit`, { token: f.freelancerToken, method: "POST" }))
      .body.timesheet;
    await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" });
    await call(`/api/timesheets/${sheet.id}/approve`, { token: f.clientToken, method: "POST" });
    const issued = await invoicesFor(ctx, eq(invoices.contractId, f.contractId));
    expect(issued.map((i) => i.kind).sort()).toEqual(["charge", "fee"]);
    const charge = issued.find((i) => i.kind === "charge")!;
    expect(charge.lines).toEqual([
      { description: expect.stringMatching(/^Hours worked in \d{4}-W\d{2} \(2h 30m\)/), quantity: 2.5, unitAmount: 5_000, amount: 12_500 },
    ]);
    expect(charge.total).toBe(12_500);
  });

  it("numbers invoices uniquely and without gaps per year, even when many are issued at once", async () => {
    const { ctx } = testContext(env);
    const funded = await Promise.all([1, 2, 3, 4].map(() => fundedMilestone(ctx, 1_000)));
    const ids = (
      await ctx.db
        .select({ id: payments.id })
        .from(payments)
        .where(
          inArray(
            payments.contractId,
            funded.map((f) => f.contractId),
          ),
        )
    ).map((p) => p.id);
    await Promise.all(ids.flatMap((id) => [issueChargeInvoice(ctx, id), issueChargeInvoice(ctx, id)]));
    expect(await invoicesFor(ctx, inArray(invoices.paymentId, ids))).toHaveLength(4);
    const years = await ctx.db
      .select({
        year: invoices.year,
        n: sql<number>`count(*)`,
        distinctSeq: sql<number>`count(distinct ${invoices.sequence})`,
        max: sql<number>`max(${invoices.sequence})`,
      })
      .from(invoices)
      .groupBy(invoices.year);
    for (const y of years) expect({ n: y.distinctSeq, max: y.max }).toEqual({ n: y.n, max: y.n });
    const all = await ctx.db.select({ number: invoices.number, year: invoices.year, sequence: invoices.sequence }).from(invoices);
    for (const i of all) expect(i.number).toBe(`ML-${i.year}-${String(i.sequence).padStart(6, "0")}`);
  });
  it("issues any invoice a crash left out in the daily sweep, and only once", async () => {
    const { ctx } = testContext(env);
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const payoutId = ctx.newId();
    // A payout whose process stopped right after its money batch, before its receipt was issued.
    await ctx.db.insert(payouts).values({
      id: payoutId,
      userId: freelancer.user.id,
      provider: "sandbox",
      status: "paid",
      amount: 700,
      currency: "EUR",
      idempotencyKey: `test:${payoutId}`,
      createdAt: new Date(),
    });
    expect(await invoicesFor(ctx, eq(invoices.payoutId, payoutId))).toHaveLength(0);
    expect(await issueMissingInvoices(ctx)).toBeGreaterThanOrEqual(1);
    await issueMissingInvoices(ctx);
    const issued = await invoicesFor(ctx, eq(invoices.payoutId, payoutId));
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ kind: "payout", recipientId: freelancer.user.id, total: 700, currency: "EUR" });
  });
});

describe("invoice API", () => {
  it("lists the viewer's invoices, shows one to its parties and admins only, and serves the same as a PDF", async () => {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 42_000);
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.milestoneId, f.milestoneId));
    const [invoice] = await invoicesFor(ctx, eq(invoices.paymentId, payment.id));

    const clientList = await call("/api/invoices?limit=50", { token: f.clientToken });
    expect(clientList.status).toBe(200);
    expect(clientList.body.items.map((i: { id: string }) => i.id)).toContain(invoice.id);
    const freelancerList = await call(`/api/invoices?contractId=${f.contractId}`, { token: f.freelancerToken });
    expect(freelancerList.body.items).toMatchObject([{ id: invoice.id, number: invoice.number, title: "Invoice", total: 42_000 }]);

    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    expect((await call("/api/invoices", { token: stranger.accessToken })).body.items).toEqual([]);
    expect((await call("/api/invoices")).status).toBe(401);
    for (const path of [`/api/invoices/${invoice.id}`, `/api/invoices/${invoice.id}/pdf`]) {
      expect((await call(path)).status).toBe(401);
      const denied = await call(path, { token: stranger.accessToken });
      expect(denied.status).toBe(404);
      expect(denied.body.error.code).toBe("not_found");
    }
    const admin = await createTestUser(env, { roles: ["admin"] });
    expect((await call(`/api/invoices/${invoice.id}`, { token: admin.accessToken })).body.invoice.number).toBe(invoice.number);
    const one = await call(`/api/invoices/${invoice.id}`, { token: f.clientToken });
    expect(one.body.invoice).toMatchObject({ number: invoice.number, kind: "charge", subtotal: 42_000, total: 42_000, taxRateBps: 0 });

    const res = await fetchPdf(`/api/invoices/${invoice.id}/pdf`, f.clientToken);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(res.bytes);
    expect(doc.getTitle()).toBe(`Invoice ${invoice.number}`);
    const text = await pageText(res.bytes);
    expect(text).toContain(invoice.number);
    expect(text).toContain("420.00 USD");
    expect(text).toContain(f.client.name);
  });
});

describe("tax on fee statements", () => {
  async function releasedFor(billing: Record<string, string>) {
    const { ctx } = testContext(env);
    const f = await fundedMilestone(ctx, 10_000);
    const saved = await call("/api/billing-details", { token: f.freelancerToken, method: "PUT", body: billing });
    expect(saved.status).toBe(200);
    await submitMilestone(ctx, f.freelancer, f.milestoneId, {});
    const approval = await approveMilestone(ctx, f.client, f.milestoneId);
    const [fee] = await invoicesFor(ctx, eq(invoices.ledgerTransactionId, approval.transactionId as string));
    const view = await call(`/api/invoices/${fee.id}`, { token: f.freelancerToken });
    expect(view.status).toBe(200);
    const pdf = await pageText((await fetchPdf(`/api/invoices/${fee.id}/pdf`, f.freelancerToken)).bytes);
    return { f, fee, invoice: view.body.invoice, pdf };
  }

  it("shows the VAT included in a UK freelancer's fee: net, tax and gross per line, adding up to the total", async () => {
    const { invoice, pdf } = await releasedFor({ country: "GB", taxStatus: "business", taxId: "GB123456789" });
    expect(invoice).toMatchObject({ subtotal: 10_000, feeAmount: 1_000, total: 9_000 });
    expect(invoice.tax).toEqual({
      treatment: "charged",
      kind: "vat",
      jurisdiction: "GB",
      feeTaxAmount: 167,
      feeTaxRateBps: 2000,
      note: null,
    });
    expect(invoice.rows).toEqual([
      { description: "Released for: First delivery", quantity: 1, unitAmount: 10_000, net: 10_000, tax: 0, gross: 10_000 },
      { description: "Platform fee (10%, incl. VAT 20%)", quantity: 1, unitAmount: -1_000, net: -833, tax: -167, gross: -1_000 },
    ]);
    const rows = invoice.rows as { net: number; tax: number; gross: number }[];
    for (const row of rows) expect(row.net + row.tax).toBe(row.gross);
    expect(rows.reduce((sum, row) => sum + row.gross, 0)).toBe(invoice.total);
    for (const text of ["Net", "Tax", "Gross", "-8.33 USD", "-1.67 USD", "VAT in the fee (20%, GB)", "1.67 USD"])
      expect(pdf).toContain(text);
  });

  it("prints the reverse-charge wording for an EU business with a VAT number, and charges it no VAT", async () => {
    const { invoice, pdf } = await releasedFor({ country: "DE", taxStatus: "business", taxId: "DE 123 456 789", legalName: "Acme GmbH" });
    expect(invoice.recipient.taxId).toBe("DE123456789");
    expect(invoice.tax).toMatchObject({ treatment: "reverse_charge", kind: "vat", jurisdiction: "DE", feeTaxAmount: 0 });
    expect(invoice.tax.note).toBe("Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).");
    expect(invoice.rows[1]).toMatchObject({ description: "Platform fee (10%, reverse charge)", net: -1_000, tax: 0, gross: -1_000 });
    expect(pdf.replace(/\n/g, " ")).toContain("Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive");
  });

  it("charges an EU consumer their country's VAT, and nobody elsewhere", async () => {
    const consumer = await releasedFor({ country: "FR", taxStatus: "personal" });
    expect(consumer.invoice.tax).toMatchObject({
      treatment: "charged",
      kind: "vat",
      jurisdiction: "FR",
      feeTaxAmount: 167,
      feeTaxRateBps: 2000,
    });
    const elsewhere = await releasedFor({ country: "US", taxStatus: "business" });
    expect(elsewhere.invoice.tax).toEqual({
      treatment: "none",
      kind: "none",
      jurisdiction: null,
      feeTaxAmount: 0,
      feeTaxRateBps: 0,
      note: null,
    });
    expect(elsewhere.invoice.total).toBe(9_000);
  });
});

describe("billing details", () => {
  it("saves the viewer's own details, refuses bad input unchanged, and prints them on invoices issued later", async () => {
    const { ctx } = testContext(env);
    const client = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/billing-details", { method: "PUT", body: { taxId: "X" } })).status).toBe(401);
    const empty = await call("/api/billing-details", { token: client.accessToken });
    expect(empty.body.billing).toEqual({ legalName: null, taxId: null, address: null, country: null, taxStatus: null, province: null });
    const saved = await call("/api/billing-details", {
      token: client.accessToken,
      method: "PUT",
      body: { legalName: "Acme GmbH", taxId: "DE123456789", address: "Hauptstr. 1, 10115 Berlin", country: "de" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.billing).toEqual({
      legalName: "Acme GmbH",
      taxId: "DE123456789",
      address: "Hauptstr. 1, 10115 Berlin",
      country: "DE",
      taxStatus: null,
      province: null,
    });
    const bad = await call("/api/billing-details", { token: client.accessToken, method: "PUT", body: { country: "Germany" } });
    expect(bad.status).toBe(422);
    expect((await call("/api/billing-details", { token: client.accessToken })).body.billing.country).toBe("DE");

    const f = await fundedMilestone(ctx, 5_000, { client: { user: client.user, accessToken: client.accessToken } });
    const [invoice] = await invoicesFor(ctx, eq(invoices.contractId, f.contractId));
    expect(invoice.recipient).toMatchObject({
      company: "Acme GmbH",
      taxId: "DE123456789",
      address: "Hauptstr. 1, 10115 Berlin",
      country: "DE",
    });
    const text = await pageText((await fetchPdf(`/api/invoices/${invoice.id}/pdf`, client.accessToken)).bytes);
    expect(text).toContain("Tax ID: DE123456789");
  });
});
