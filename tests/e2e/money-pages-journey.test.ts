/**
 * Money pages tell both sides the truth: a euro contract funded in pounds at a locked rate, disputed by the client,
 * answered by the freelancer and split 40/60 by an admin. The client then finds the pounds charged on the milestone
 * and the invoice, and the refund's credit note through the statement; the freelancer sees the split; both read the
 * same outcome. Client, freelancer and admin each have their own browser context.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { navigate, openNotification } from "./clicks";
import { apiFromPage, confirmedClick, hydrated, unexpectedErrors } from "./demo-session";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

const euros = (minor: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(minor / 100);
const pounds = (minor: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "GBP" }).format(minor / 100);

/** The paying currency's share of `part` of `amount` (contract minor units) at the locked charge, rounded half up. */
const shareOf = (charged: number, part: number, amount: number) => Math.floor((2 * charged * part + amount) / (2 * amount));

/** The text of the first element matching `text` once it is there. */
async function textOf(page: Page, text: RegExp): Promise<string> {
  const found = page.getByText(text).first();
  await expect.poll(() => found.count()).toBeGreaterThan(0);
  return (await found.textContent()) ?? "";
}

/** Words of these cells broken across two lines (a column of figures squeezed by a long description): none expected. */
function brokenWords(page: Page, cells: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, cells);
}

describe("money pages in three browsers", () => {
  it("a euro contract paid in pounds is disputed and split; both sides read the same outcome and the client finds every pound", async () => {
    const word = `quasar${Date.now().toString(36)}`;
    const milestoneTitle = `Launch copy ${word}`;
    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/client" });
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/freelancer", width: 390 });
    const admin = await signedIn(browser, "admin@demo.test", { redirectTo: "/admin" });
    const watches = [client, freelancer, admin].map((s) => watchConsoleErrors(s.page));
    const [c, f, a] = [client.page, freelancer.page, admin.page];

    // Setup (not under test): a euro contract with one €200 milestone, made through the API with each page's session.
    const { project } = await apiFromPage(c, "/api/projects", {
      title: `Euro launch copy for ${word}`,
      description: "Launch copy for a European product: a landing page and three feature pages, written in a friendly tone.",
      category: "web-development",
      skills: ["React"],
      budgetType: "fixed",
      budgetMin: 15_000,
      budgetMax: 30_000,
      currency: "EUR",
    });
    const { proposal } = await apiFromPage(f, `/api/projects/${project.id}/proposals`, {
      coverLetter: `I write launch copy for European software products. For ${word} I would interview your team, draft the landing page first and then the feature pages.`,
      bidAmount: 20_000,
      estimatedDays: 7,
    });
    const { contract } = await apiFromPage(c, `/api/proposals/${proposal.id}/accept`, {});
    await apiFromPage(f, `/api/contracts/${contract.id}/accept`, {});
    const { milestone } = await apiFromPage(c, `/api/contracts/${contract.id}/milestones`, { title: milestoneTitle, amount: 20_000 });
    expect(milestone).toMatchObject({ amount: 20_000, currency: "EUR" });

    // The client reaches the contract from the portal and picks pounds to pay in: the exact charge and rate show first.
    await navigate(c, "Contracts");
    await c
      .getByRole("link", { name: `Euro launch copy for ${word}` })
      .first()
      .click();
    await c.waitForURL(`${baseUrl}/contracts/${contract.id}`);
    await hydrated(c);
    await c.getByLabel("Search currencies").fill("pound");
    await c.getByLabel("Pay in", { exact: true }).selectOption("GBP");
    const quoteText = await textOf(c, /^You will be charged £/);
    const shownRate = /1 EUR = ([\d.]+) GBP/.exec(quoteText)?.[1];
    expect(shownRate).toBeDefined();
    // The figures follow from the rate locked now: the API's quote gives the same rate, exactly, and the same charge.
    const { quote } = await apiFromPage(c, `/api/milestones/${milestone.id}/quote?currency=GBP`);
    expect(Number(shownRate)).toBe(Number(Number(quote.rate).toPrecision(6)));
    const charged = Math.round(20_000 * Number(quote.rate));
    expect(quote.chargedAmount).toBe(charged);
    expect(quoteText).toContain(`You will be charged ${pounds(charged)} for €200.00`);
    await expectAccessible(c);
    await confirmedClick(c, "Fund €200.00");
    const milestoneCard = c.getByRole("listitem").filter({ has: c.getByRole("heading", { name: milestoneTitle }) });
    await expect.poll(() => milestoneCard.getByText(`€200.00 · charged ${pounds(charged)}`).count()).toBe(1);
    expect(await milestoneCard.getByText(`Charged ${pounds(charged)} at the locked rate 1 EUR = ${shownRate} GBP`).count()).toBe(1);

    // The client disputes the milestone from its card.
    await milestoneCard.getByRole("link", { name: "Open a dispute" }).click();
    await c.waitForURL(new RegExp(`/contracts/${contract.id}/dispute\\?milestone=`));
    await c.getByLabel("What went wrong?").fill(`The ${word} landing page never arrived.`);
    await c.getByRole("button", { name: "Open the dispute" }).click();
    await c.waitForURL(new RegExp(`^${baseUrl}/disputes/[0-9A-Z]+$`));
    await expect.poll(() => c.getByText("Waiting for an answer").count()).toBe(1);

    // The freelancer, on a phone, answers from the notification.
    await openNotification(f, new RegExp(`Dispute opened: ${milestoneTitle}`));
    await f.waitForURL(new RegExp(`^${baseUrl}/disputes/[0-9A-Z]+$`));
    await f.getByLabel("Your side of the story").fill(`A first ${word} draft was shared on day four.`);
    await f.getByRole("button", { name: "Send my answer" }).click();
    await expect.poll(() => f.getByText("Waiting for an admin").count()).toBe(1);

    // An admin splits it: 40% to the freelancer.
    await navigate(a, "Disputes");
    await a.getByRole("link", { name: milestoneTitle }).first().click();
    await a.waitForURL(new RegExp(`/admin/disputes/[0-9A-Z]+$`));
    await a.getByLabel(/^Split/).check();
    await a.getByLabel("Freelancer's share for a split (%)").fill("40");
    await a.getByLabel("Decision note (both sides see it)").fill(`Part of the ${word} brief was delivered.`);
    // Money moves for good: the decision names what happens to the held amount and waits for a confirmation.
    await hydrated(a);
    await a.getByRole("button", { name: "Decide the dispute" }).click();
    const decide = a.getByRole("dialog", { name: "Decide this dispute?" });
    await expect.poll(() => decide.isVisible()).toBe(true);
    expect(await decide.textContent()).toContain("Of the €200.00 held, 40% goes to the freelancer");
    await decide.getByRole("button", { name: "Decide the dispute" }).click();
    const outcome = "Split: €80.00 released, €120.00 refunded";
    await expect.poll(() => a.getByText(`${outcome} (40% to the freelancer)`).count()).toBe(1);
    const sentence = "MegiLance support decided: €80.00 released to the freelancer, €120.00 refunded to the client.";
    expect(await a.getByText(sentence).count()).toBe(1);

    // Both sides hear of it, and their contract pages say the same: the state and the decision in the same words.
    const refundedPounds = shareOf(charged, 12_000, 20_000);
    for (const page of [c, f]) {
      await openNotification(page, new RegExp(`Dispute decided: ${milestoneTitle}`));
      await page.waitForURL(new RegExp(`^${baseUrl}/disputes/[0-9A-Z]+$`));
      await expect.poll(() => page.getByText(sentence).count()).toBe(1);
      await page.getByRole("link", { name: "Back to the contract" }).click();
      await page.waitForURL(`${baseUrl}/contracts/${contract.id}`);
      const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: milestoneTitle }) });
      await expect.poll(() => card.getByText(outcome, { exact: true }).count()).toBe(1);
      expect(await card.getByText(sentence).count()).toBe(1);
      expect(await card.getByText("Approved and paid").count()).toBe(0);
      expect(await card.getByText(euros(8_000), { exact: true }).count()).toBe(1);
      expect(await card.getByText(euros(12_000), { exact: true }).count()).toBe(1);
      await expectAccessible(page);
    }
    // The client's card also names the pounds: what was charged and what of it went back at the same rate.
    const clientCard = c.getByRole("listitem").filter({ has: c.getByRole("heading", { name: milestoneTitle }) });
    expect(await clientCard.getByText(`€200.00 · charged ${pounds(charged)}`).count()).toBe(1);
    expect(await clientCard.getByText(`Given back ${pounds(refundedPounds)} of it for the refund, at the same rate.`).count()).toBe(1);
    // The freelancer's phone shows it all without scrolling sideways.
    expect(await f.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The client's statement lists the refund with its credit note, which names the pounds given back and the invoice it credits.
    await navigate(c, "Statement");
    await c.waitForURL((url) => url.pathname === "/client/statement");
    const row = (kind: string) =>
      c
        .getByRole("row")
        .filter({ hasText: milestoneTitle })
        .filter({ has: c.getByText(kind, { exact: true }) });
    const refundRow = row("Refund");
    await expect.poll(() => refundRow.count()).toBe(1);
    expect(await refundRow.getByText(`${pounds(refundedPounds)} given back`).count()).toBe(1);
    const chargeRow = row("Charge");
    expect(await chargeRow.getByText(`${pounds(charged)} charged`).count()).toBe(1);
    // Dates, kinds, documents and amounts keep to one line; only the description wraps.
    expect(await brokenWords(c, "table th, table td:not(:nth-child(4))")).toEqual([]);
    await expectAccessible(c);
    await refundRow.getByRole("link").click();
    await c.waitForURL(new RegExp(`^${baseUrl}/invoices/[0-9A-Z]+$`));
    await expect.poll(() => c.getByRole("heading", { name: "Credit note", level: 1 }).count()).toBe(1);
    expect(await c.getByText(`Given back ${pounds(refundedPounds)} at the locked rate 1 EUR = ${shownRate} GBP`).count()).toBe(1);
    expect(await c.getByText("MegiLance support decided the dispute").count()).toBe(1);
    expect(await brokenWords(c, "#invoice-document th:not(:first-child), #invoice-document td:not(:first-child)")).toEqual([]);
    await c.getByRole("article").getByRole("link").click();
    await c.waitForURL(new RegExp(`^${baseUrl}/invoices/[0-9A-Z]+$`));
    await expect.poll(() => c.getByText(`Charged ${pounds(charged)} at the locked rate 1 EUR = ${shownRate} GBP`).count()).toBe(1);
    expect(await c.getByText(`Milestone: ${milestoneTitle}`).count()).toBe(1);

    for (const w of watches) expect(unexpectedErrors(w.errors)).toEqual([]);
    for (const s of [client, freelancer, admin]) await s.context.close();
  }, 240_000);
});
