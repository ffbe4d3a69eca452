import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { payments, users } from "../../db/schema";
import { formatMoney } from "../../app/utils/money";
import { activeContract } from "../domain/contracts/test-fixtures";
import { formatRate } from "../domain/currency/format";
import { convertAmount } from "../domain/currency/rates";
import { addMilestone } from "../domain/milestones/manage";
import { testContext } from "../test-support/context";
import { browserFor, htmlOf } from "../test-support/web";

// INR has only a shipped default rate (the test feed leaves it out), so it holds still while other tests refresh.
describe("amounts in the viewer's currency", () => {
  it("saves the preferred currency from the account settings page", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const browser = await browserFor(f.freelancer);
    const saved = await browser.post("/settings/currency", { currency: "INR" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/settings/account?currency=saved");
    const page = await browser.get("/settings/account?currency=saved");
    expect(page.html).toContain('<label for="preferred-currency"');
    expect(page.html).toMatch(/<option value="INR" selected="">INR — Indian Rupee<\/option>/);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, f.freelancer.id));
    expect(row.preferredCurrency).toBe("INR");
    expect((await browser.post("/settings/currency", { currency: "NOPE" })).status).toBe(422);
    const [unchanged] = await ctx.db.select().from(users).where(eq(users.id, f.freelancer.id));
    expect(unchanged.preferredCurrency).toBe("INR");
  });

  it("shows contract amounts beside the preferred currency, and the rate locked at funding to both sides", async () => {
    const { ctx } = testContext(env);
    const f = await activeContract(ctx);
    const m = await addMilestone(ctx, f.client, f.contractId, { title: "Logo", amount: 10_000 });
    // The client funds from the page, paying in rupees.
    const client = await browserFor(f.client);
    const form = (await client.get(`/contracts/${f.contractId}`)).html;
    expect(form).toContain(`<label for="pay-in-${m.id}"`);
    const key = new RegExp(`name="milestoneId" value="${m.id}"/><input type="hidden" name="key" value="([^"]+)"`).exec(form)?.[1];
    expect(key).toBeTruthy();
    // Only currencies with a current rate are offered; KPW has none.
    expect(form).toContain('<option value="INR">INR — Indian Rupee</option>');
    expect(form).not.toContain('<option value="KPW">');
    // Without JavaScript, choosing rupees first shows the exact charge and the rate; nothing is charged yet.
    const { converted, quote } = await convertAmount(ctx, 10_000, "USD", "INR");
    const asked = await client.post(`/contracts/${f.contractId}`, {
      intent: "fund",
      milestoneId: m.id,
      key: key!,
      currency: "INR",
      _confirmed: "yes",
    });
    expect(asked.status).toBe(200);
    const confirm = await htmlOf(asked);
    expect(confirm).toContain(`You will be charged <strong>${formatMoney(converted, "INR")}</strong> for $100.00`);
    expect(confirm).toContain(`1 USD = ${formatRate(quote.rateText)} INR`);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(0);
    // A charge other than the one shown is refused, and the current one is shown again.
    const stale = await client.post(`/contracts/${f.contractId}`, {
      intent: "fund",
      milestoneId: m.id,
      key: key!,
      currency: "INR",
      chargedAmount: String(converted + 1),
      _confirmed: "yes",
    });
    expect(stale.status).toBe(409);
    expect(await htmlOf(stale)).toContain(`name="chargedAmount" value="${converted}"`);
    expect(await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id))).toHaveLength(0);
    const posted = await client.post(`/contracts/${f.contractId}`, {
      intent: "fund",
      milestoneId: m.id,
      key: key!,
      currency: "INR",
      chargedAmount: String(converted),
      // The page's confirmation (a dialog, or a page without JavaScript) sends this with the form.
      _confirmed: "yes",
    });
    expect(posted.status).toBe(302);
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.milestoneId, m.id));
    expect(payment).toMatchObject({ amount: 10_000, currency: "USD", status: "succeeded", paidCurrency: "INR", paidAmount: converted });
    const locked = { paidAmount: payment.paidAmount!, rate: payment.exchangeRate! };
    await browserFor(f.freelancer).then((b) => b.post("/settings/currency", { currency: "INR" }));

    const freelancerPage = await (await browserFor(f.freelancer)).get(`/contracts/${f.contractId}`);
    expect(freelancerPage.status).toBe(200);
    expect(freelancerPage.html).toContain("In your currency (INR)");
    expect(freelancerPage.html).toContain(`$100.00<span class="text-muted"`);
    expect(freelancerPage.html).toContain(`(≈ ${formatMoney(converted, "INR")})`);

    // The wallet shows what is held for the freelancer's contracts the same way.
    const wallet = await (await browserFor(f.freelancer)).get("/freelancer/wallet");
    expect(wallet.status).toBe(200);
    expect(wallet.html).toContain(`(≈ ${formatMoney(converted, "INR")})`);

    const clientPage = await (await browserFor(f.client)).get(`/contracts/${f.contractId}`);
    expect(clientPage.html).not.toContain("In your currency");
    for (const html of [freelancerPage.html, clientPage.html]) {
      const rate = `1 USD = ${formatRate(locked.rate)} INR`;
      expect(html).toContain(`Paid in INR: ${formatMoney(locked.paidAmount, "INR")} at the locked rate ${rate}`);
      // Beside the contract amount on the milestone card, to 4–6 significant digits.
      expect(html).toContain(`$100.00 · charged ${formatMoney(locked.paidAmount, "INR")}`);
      expect(html).toContain(`Charged ${formatMoney(locked.paidAmount, "INR")} at the locked rate ${rate} (rate of `);
    }
  });
});
