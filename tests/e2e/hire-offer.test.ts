import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { apiFromPage, hydrated, unexpectedErrors } from "./demo-session";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

const api = apiFromPage;
const unexpected = unexpectedErrors;

describe("hiring by offer, in the browser, from both sides", () => {
  it("hires from a proposal with a reviewed offer, the freelancer accepts it from the dashboard, and money moves only after a confirmation", async () => {
    const word = `nebula${Date.now().toString(36)}`;
    const title = `Build the ${word} pricing page`;
    const c = (await signedIn(browser, "client@demo.test", { redirectTo: "/client", width: 1280 })).page;
    const f = (await signedIn(browser, "freelancer@demo.test", { redirectTo: "/freelancer", width: 390 })).page;
    const clientWatch = watchConsoleErrors(c);
    const freelancerWatch = watchConsoleErrors(f);

    const { project } = await api(c, "/api/projects", {
      title,
      description: "A pricing page with three plans, a comparison table and a FAQ, responsive and accessible.",
      category: "web-development",
      skills: ["React"],
      budgetType: "fixed",
      budgetMin: 50_000,
      budgetMax: 150_000,
      currency: "USD",
    });
    await api(f, `/api/projects/${project.id}/proposals`, {
      coverLetter: `I build pricing pages in React. For ${word} I would start from the plan table, then the comparison and the FAQ, all tested on phones.`,
      bidAmount: 120_000,
      estimatedDays: 8,
    });

    // The client finds the project in "My projects", opens it and hires from the proposal.
    await c.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "My projects" }).first().click();
    await c.getByRole("link", { name: title, exact: true }).click();
    await c.waitForURL(`${baseUrl}/projects/${project.id}`);
    await c.getByRole("link", { name: "Hire Frankie Freelancer" }).click();
    await c.waitForURL(/\/client\/proposals\/[0-9A-Z]+\/offer$/);
    await hydrated(c);
    await expectAccessible(c);
    await c.getByLabel("Title of the contract").fill(`${word} pricing page`);
    await c.getByLabel("Milestone 1", { exact: true }).fill("Plans and table");
    await c.getByLabel("Amount (USD)").first().fill("700");
    await c.getByRole("button", { name: "Add a milestone" }).click();
    await c.getByLabel("Milestone 2", { exact: true }).fill("FAQ and polish");
    await c.getByLabel("Amount (USD)").nth(1).fill("500");
    await c.getByLabel("Message to the freelancer (optional)").fill("Looking forward to it.");

    // Review: the dialog names the total and the milestones; nothing is sent until "Send offer".
    await c.getByRole("button", { name: "Review offer" }).click();
    const review = c.getByRole("dialog", { name: "Send this offer to Frankie Freelancer?" });
    await expect.poll(() => review.isVisible()).toBe(true);
    expect(await review.textContent()).toContain("Fixed price: $1,200.00 in 2 milestones");
    await review.getByRole("button", { name: "Send offer" }).click();
    await c.waitForURL(/\/client\/contracts\?tab=offered/);
    await expect.poll(() => c.getByText("Offer sent", { exact: true }).count()).toBe(1);
    const offerRow = c.getByRole("article", { name: `${word} pricing page` });
    expect(await offerRow.getByText("Waiting for the freelancer to answer").count()).toBe(1);
    await expectAccessible(c);

    // The freelancer sees the offer on the dashboard and opens it.
    await f.reload();
    await f.getByRole("link", { name: `Open the offer ${word} pricing page` }).click();
    await f.waitForURL(/\/contracts\/[0-9A-Z]+$/);
    const contractUrl = f.url();
    await hydrated(f);
    // The link navigates in the page: the address changes before React has drawn the contract, so wait for it.
    await expect.poll(() => f.getByText("Looking forward to it.").count()).toBe(1);
    await f.getByRole("button", { name: "Accept offer" }).click();
    const accept = f.getByRole("dialog", { name: "Accept this offer?" });
    await expect.poll(() => accept.isVisible()).toBe(true);
    expect(await accept.textContent()).toContain("$1,200.00 fixed price in 2 milestones");
    await accept.getByRole("button", { name: "Accept offer" }).click();
    await expect.poll(() => f.getByRole("button", { name: "End contract" }).count()).toBe(1);

    // The client is told, and the project is now in progress.
    await c.goto(`${baseUrl}/notifications`);
    await expect.poll(() => c.getByText(`Offer accepted: ${word} pricing page`).count()).toBeGreaterThan(0);
    await c.goto(`${baseUrl}/projects/${project.id}`);
    expect(await c.getByText("In progress", { exact: true }).count()).toBeGreaterThan(0);

    // Funding asks first: cancelling moves nothing, confirming funds exactly the named amount.
    await c.goto(contractUrl);
    await hydrated(c);
    await c.getByRole("button", { name: "Fund $700.00" }).click();
    const fund = c.getByRole("dialog", { name: "Fund $700.00?" });
    await expect.poll(() => fund.isVisible()).toBe(true);
    await fund.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => fund.isVisible()).toBe(false);
    expect(await c.getByText("Funded", { exact: true }).count()).toBe(0);
    await c.getByRole("button", { name: "Fund $700.00" }).click();
    await fund.getByRole("button", { name: "Fund $700.00" }).click();
    await expect.poll(() => c.getByText("Funded", { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expectAccessible(c);

    // The hired freelancer sees their proposal and the contract on the project page, never a proposal form.
    await f.goto(`${baseUrl}/projects/${project.id}`);
    expect(await f.getByRole("link", { name: "View your proposal" }).count()).toBe(1);
    expect(await f.getByRole("button", { name: "Send proposal" }).count()).toBe(0);
    await f.getByRole("link", { name: "View your proposal" }).click();
    await f.waitForURL(/\/freelancer\/proposals\/[0-9A-Z]+$/);
    await expect.poll(() => f.getByText("You accepted the offer: the contract started").count(), { timeout: 20_000 }).toBe(1);
    const width = await f.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(f);

    expect(unexpected(clientWatch.errors)).toEqual([]);
    expect(unexpected(freelancerWatch.errors)).toEqual([]);
  });
});
