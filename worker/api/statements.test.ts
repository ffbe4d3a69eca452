import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "../../db/schema";
import { formatMoney } from "../../app/utils/money";
import { activeContract } from "../domain/contracts/test-fixtures";
import { addMilestone } from "../domain/milestones/manage";
import { submitMilestone } from "../domain/milestones/workflow";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { createTestUser } from "../test-support/users";
import { browserFor } from "../test-support/web";

const today = () => new Date().toISOString().slice(0, 10);

/** A client who paid a €200 milestone in pounds; a dispute then split it 40/60. */
async function splitPaidInPounds() {
  const { ctx } = testContext(env);
  const f = await activeContract(ctx, { currency: "EUR" });
  const m = await addMilestone(ctx, f.client, f.contractId, { title: "Landing page", amount: 20_000 });
  const { quote } = (await call(`/api/milestones/${m.id}/quote?currency=GBP`, { token: f.clientToken })).body;
  await call(`/api/milestones/${m.id}/fund`, {
    token: f.clientToken,
    body: { provider: "sandbox", currency: "GBP", chargedAmount: quote.chargedAmount },
  });
  await submitMilestone(ctx, f.freelancer, m.id, {});
  const opened = await call(`/api/milestones/${m.id}/dispute`, { token: f.clientToken, body: { reason: "Half of it is missing." } });
  const admin = await createTestUser(env, { roles: ["admin"] });
  await call(`/api/admin/disputes/${opened.body.dispute.id}/resolve`, {
    token: admin.accessToken,
    body: { outcome: "split", freelancerPercent: 40, note: "Part was delivered." },
  });
  const docs = await ctx.db.select().from(invoices).where(eq(invoices.contractId, f.contractId));
  const doc = (kind: string) => docs.find((d) => d.kind === kind)!;
  return { ...f, ctx, quote, charge: doc("charge"), credit: doc("credit_note"), fee: doc("fee") };
}

describe("GET /api/statements", () => {
  it("gives a client exactly their charges and refunds, with the pounds paid, newest first", async () => {
    const f = await splitPaidInPounds();
    const res = await call(`/api/statements?from=${today()}&to=${today()}`, { token: f.clientToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["items", "nextCursor"]);
    expect(res.body).toEqual({
      items: [
        {
          kind: "refund",
          amount: 12_000,
          currency: "EUR",
          chargedAmount: f.credit.chargedAmount,
          chargedCurrency: "GBP",
          documentId: f.credit.id,
        },
        {
          kind: "charge",
          amount: 20_000,
          currency: "EUR",
          chargedAmount: f.quote.chargedAmount,
          chargedCurrency: "GBP",
          documentId: f.charge.id,
        },
      ],
      nextCursor: null,
    });
    expect(f.credit.chargedAmount).toBe(Math.round((f.quote.chargedAmount * 12_000) / 20_000));

    // The freelancer's own statement: the fee on their €80.00, with no charged fields at all.
    const theirs = await call("/api/statements", { token: f.freelancerToken });
    expect(theirs.body.items).toEqual([{ kind: "fee", amount: 800, currency: "EUR", documentId: f.fee.id }]);

    // The fee statement comes from the configured billing address, never from the app's host.
    const fee = await call(`/api/invoices/${f.fee.id}`, { token: f.freelancerToken });
    expect(fee.body.invoice.issuer).toMatchObject({ name: "MegiLance", email: "billing@megilance.com" });

    // Each document opens for its reader.
    for (const item of res.body.items) {
      expect((await call(`/api/invoices/${item.documentId}`, { token: f.clientToken })).status).toBe(200);
    }
  });

  it("pages with a cursor, keeps to the range and to the viewer, and refuses bad input", async () => {
    const f = await splitPaidInPounds();
    const first = await call(`/api/statements?limit=1`, { token: f.clientToken });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].documentId).toBe(f.credit.id);
    expect(first.body.nextCursor).toBe(f.credit.id);
    const second = await call(`/api/statements?limit=1&cursor=${first.body.nextCursor}`, { token: f.clientToken });
    expect(second.body).toEqual({ items: [expect.objectContaining({ kind: "charge", documentId: f.charge.id })], nextCursor: null });

    expect((await call(`/api/statements?from=2020-01-01&to=2020-01-31`, { token: f.clientToken })).body).toEqual({
      items: [],
      nextCursor: null,
    });
    const stranger = await createTestUser(env, { roles: ["client"] });
    expect((await call("/api/statements", { token: stranger.accessToken })).body.items).toEqual([]);

    expect((await call("/api/statements")).status).toBe(401);
    for (const query of [
      "from=yesterday",
      "from=2026-02-30",
      "from=2026-03-01&to=2026-02-01",
      "from=2020-01-01&to=2026-01-01",
      "limit=0",
    ]) {
      const bad = await call(`/api/statements?${query}`, { token: f.clientToken });
      expect(bad.status, query).toBe(422);
    }
  });

  it("shows the statement page with its documents and exports the same lines as CSV", async () => {
    const f = await splitPaidInPounds();
    const browser = await browserFor(f.client);
    const page = await browser.get("/client/statement");
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/invoices/${f.credit.id}"`);
    expect(page.html).toContain(`Credit note <span class="font-mono">${f.credit.number}</span>`);
    expect(page.html).toContain(`href="/invoices/${f.charge.id}"`);
    expect(page.html).toContain("€120.00");
    expect(page.html).toContain("given back");
    expect(page.html).toContain('href="/client/statement"');

    const csv = await browser.get(`/client/statement.csv?from=${today()}&to=${today()}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="megilance-statement-/);
    const rows = csv.html.trim().split("\r\n");
    expect(rows[0]).toBe("Issued (UTC),Kind,Document,Description,Amount,Currency,Charged amount,Charged currency,Link");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`Refund,Credit note ${f.credit.number},`);
    expect(rows[1]).toContain(
      `,120.00,EUR,${(f.credit.chargedAmount! / 100).toFixed(2)},GBP,http://localhost:8787/invoices/${f.credit.id}`,
    );
    expect(rows[2]).toContain(`Charge,Invoice ${f.charge.number},`);

    // Spending by project shows the pounds charged and given back beside the euro figures, and links the statement.
    const spending = await browser.get(`/client/spending?from=${today()}&to=${today()}`);
    expect(spending.status).toBe(200);
    expect(spending.html).toContain(`${formatMoney(f.quote.chargedAmount, "GBP")} charged`);
    expect(spending.html).toContain(`${formatMoney(f.credit.chargedAmount!, "GBP")} given back`);
    expect(spending.html).toContain(
      `Paid in GBP: ${formatMoney(f.quote.chargedAmount, "GBP")} · ${formatMoney(f.credit.chargedAmount!, "GBP")} given back`,
    );
    expect(spending.html).toContain(`href="/client/statement?from=${today()}&amp;to=${today()}"`);

    const freelancer = await browserFor(f.freelancer);
    expect((await freelancer.get("/client/statement")).status).not.toBe(200);
  });
});
