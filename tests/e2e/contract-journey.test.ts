import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { confirmedClick } from "./demo-session";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

/** Chrome logs the 4xx answers of forms that refuse on purpose; nothing else may reach the console. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

describe("a contract from proposal to reviews, in the browser", () => {
  it("hires, funds with the sandbox, submits, approves, pays out, ends and reviews on both sides", async () => {
    const word = `quasar${Date.now().toString(36)}`;
    const title = `Design a ${word} landing page`;
    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/client/projects/new", width: 1280 });
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/projects", width: 375 });
    const clientWatch = watchConsoleErrors(client.page);
    const freelancerWatch = watchConsoleErrors(freelancer.page);
    const c = client.page;
    const f = freelancer.page;

    // The client posts a project.
    await c.getByLabel("Title").fill(title);
    await c
      .getByLabel("Description")
      .fill("A one-page site for a product launch: hero, features, pricing and a signup form, responsive and fast.");
    await c.getByLabel("Category").selectOption({ label: "Web Development" });
    await c.getByLabel("Skills").fill("React, TypeScript");
    await c.getByLabel("Budget type").selectOption("fixed");
    await c.getByLabel("Currency").selectOption("USD");
    await c.getByLabel("Minimum budget").fill("500");
    await c.getByLabel("Maximum budget").fill("1500");
    await c.getByRole("button", { name: "Post project" }).click();
    await c.waitForURL(new RegExp(`^${baseUrl}/projects/[0-9A-Z]+$`));
    const projectUrl = c.url();

    // The freelancer proposes.
    await f.goto(projectUrl);
    await f
      .getByLabel("Cover letter")
      .fill(
        `I design and build fast landing pages in React and TypeScript. For ${word} I would start from your copy, then the pricing table and the signup form.`,
      );
    await f.getByLabel(/^Bid amount/).fill("1000");
    await f.getByLabel("Estimated days").fill("10");
    await f.getByRole("button", { name: "Send proposal" }).click();
    await expect.poll(() => f.getByText("Your proposal was sent.").count()).toBe(1);

    // The client hires: an offer with one milestone, reviewed and sent.
    await c.reload();
    await c.getByRole("link", { name: "Hire Frankie Freelancer" }).click();
    await c.waitForURL(/\/client\/proposals\/[0-9A-Z]+\/offer$/);
    await c.getByLabel("Milestone 1", { exact: true }).fill("Landing page");
    await c.getByLabel("Amount (USD)").first().fill("1000");
    await confirmedClick(c, "Review offer", "Send offer");
    await c.waitForURL(/\/client\/contracts\?tab=offered/);
    await c.getByRole("link", { name: "Open — " }).first().click();
    await c.waitForURL(new RegExp(`^${baseUrl}/contracts/[0-9A-Z]+$`));
    const contractUrl = c.url();

    // The freelancer accepts the offer.
    await f.goto(contractUrl);
    await confirmedClick(f, "Accept offer");
    await expect.poll(() => f.getByRole("button", { name: "End contract" }).count()).toBe(1);

    // The client funds the milestone with the sandbox.
    await c.reload();
    await confirmedClick(c, "Fund $1,000.00");
    await expect.poll(() => c.getByText("Funded", { exact: true }).count()).toBe(1);
    await expectAccessible(c);

    // The freelancer submits; a dispute could be opened from the card while money is held.
    await f.reload();
    expect(await f.getByRole("link", { name: "Open a dispute" }).count()).toBe(1);
    await f.getByLabel("Note for the client (optional)").fill("Live preview attached in the messages.");
    await f.getByRole("button", { name: "Submit work for review" }).click();
    await expect.poll(() => f.getByText("Submitted for review", { exact: true }).count()).toBe(1);

    // The client approves.
    await c.reload();
    await confirmedClick(c, "Approve and pay $1,000.00");
    await expect.poll(() => c.getByText("Approved and paid", { exact: true }).count()).toBe(1);

    // The freelancer requests a payout on the wallet page.
    await f.goto(`${baseUrl}/freelancer/wallet`);
    await expectAccessible(f);
    await f.getByLabel("Payout amount (USD)").fill("900");
    // Other journeys may have paid the demo freelancer in other currencies: the payout is asked from the dollar balance.
    await confirmedClick(f, "Request payout", "Pay out $900.00", f.getByRole("region", { name: "Balance in USD" }));
    await expect.poll(() => f.getByText("Payout of $900.00 requested.").count()).toBe(1);
    await expect.poll(() => f.getByText("-$900.00", { exact: true }).count()).toBeGreaterThan(0);

    // The client ends the contract.
    await c.getByLabel("Why does it end?").fill("Delivered and paid, thank you.");
    await confirmedClick(c, "End contract");
    await expect.poll(() => c.getByRole("link", { name: "Reviews for this contract" }).count()).toBe(1);

    // Both review; the first review stays hidden from the other side until both wrote.
    await c.getByRole("link", { name: "Reviews for this contract" }).click();
    await c.waitForURL(`${contractUrl}/review`);
    await expectAccessible(c);
    await c.getByLabel("5 stars").check();
    await c.getByLabel("Quality").selectOption("5");
    await c.getByLabel("Your review").fill(`Excellent ${word} page, on time.`);
    await c.getByLabel(/^Private note to MegiLance/).fill("Would hire again.");
    await c.getByRole("button", { name: "Publish my review" }).click();
    await expect.poll(() => c.getByText(`Excellent ${word} page, on time.`).count()).toBe(1);

    await f.goto(`${contractUrl}/review`);
    await expect.poll(() => f.getByText(/The client wrote a review\. It shows once you write yours/).count()).toBe(1);
    expect(await f.getByText(`Excellent ${word} page`).count()).toBe(0);
    await f.getByLabel("4 stars").check();
    await f.getByLabel("Your review").fill(`Clear ${word} brief and quick payment.`);
    await f.getByRole("button", { name: "Publish my review" }).click();
    await expect.poll(() => f.getByText(`Excellent ${word} page, on time.`).count()).toBe(1);
    expect(await f.getByText(`Clear ${word} brief and quick payment.`).count()).toBe(1);
    expect(await f.getByText("Would hire again.").count()).toBe(0);
    await expectAccessible(f);

    await c.reload();
    await expect.poll(() => c.getByText(`Clear ${word} brief and quick payment.`).count()).toBe(1);

    expect(unexpected(clientWatch.errors)).toEqual([]);
    expect(unexpected(freelancerWatch.errors)).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  });
});
