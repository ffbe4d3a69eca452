import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, watchConsoleErrors, expectAccessible } from "./browser";
import { confirmedClick } from "./demo-session";
import { signInOn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

/** Chrome logs the 4xx answers of forms that refuse on purpose; nothing else may reach the console. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

describe("marketplace in the browser", () => {
  it("a client posts a project, a freelancer finds it and applies, the client is notified and hires", async () => {
    const word = `zephyr${Date.now().toString(36)}`;
    const title = `Build a ${word} booking widget`;

    const clientContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const client = await clientContext.newPage();
    const clientWatch = watchConsoleErrors(client);
    await signInOn(client, "client@demo.test", { redirectTo: "/client/projects/new" });
    await client.getByLabel("Title").fill(title);
    await client
      .getByLabel("Description")
      .fill("A small booking widget for a yoga studio, embeddable in any page, with a calendar and email confirmations.");
    await client.getByLabel("Category").selectOption({ label: "Web Development" });
    await client.getByLabel("Skills").fill("React, TypeScript");
    await client.getByLabel("Budget type").selectOption("fixed");
    await client.getByLabel("Currency").selectOption("USD");
    await client.getByLabel("Minimum budget").fill("500");
    await client.getByLabel("Maximum budget").fill("1,500.50");
    await client.getByRole("button", { name: "Post project" }).click();
    await client.waitForURL(new RegExp(`^${baseUrl}/projects/[0-9A-Z]+$`));
    const projectUrl = client.url();
    await expect.poll(() => client.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await client.getByText("$500.00 – $1,500.50").count()).toBe(1);

    const freelancerContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const freelancer = await freelancerContext.newPage();
    const freelancerWatch = watchConsoleErrors(freelancer);
    await signInOn(freelancer, "freelancer@demo.test", { redirectTo: "/projects" });
    await expectAccessible(freelancer);
    await freelancer.getByRole("searchbox", { name: "Search projects" }).fill(word);
    await freelancer.getByRole("button", { name: "Search", exact: true }).click();
    await freelancer.waitForURL(new RegExp(`/projects\\?q=${word}`));
    await expect.poll(() => freelancer.getByRole("status").filter({ hasText: "found" }).textContent()).toBe("1 project found");
    await freelancer.getByRole("link", { name: title }).click();
    await freelancer.waitForURL(projectUrl);
    await expectAccessible(freelancer);

    // The quality rule answers field by field before anything is stored.
    await freelancer.getByLabel("Cover letter").fill("Too short.");
    await freelancer.getByLabel(/^Bid amount/).fill("1200");
    await freelancer.getByLabel("Estimated days").fill("14");
    await freelancer.getByRole("button", { name: "Send proposal" }).click();
    await expect.poll(() => freelancer.getByText(/Write at least 100 characters/).count()).toBeGreaterThan(0);

    await freelancer
      .getByLabel("Cover letter")
      .fill(
        `I have built three booking widgets in React and TypeScript for small studios. For ${word} I would start with the calendar, then the confirmation emails, and ship a first version within a week.`,
      );
    await freelancer.getByRole("button", { name: "Send proposal" }).click();
    await expect.poll(() => freelancer.getByText("Your proposal was sent.").count()).toBe(1);

    await client.goto(`${baseUrl}/client`);
    const bell = client.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.count()).toBe(1);
    await bell.click();
    await client.waitForURL(`${baseUrl}/notifications`);
    const item = client.getByRole("listitem").filter({ hasText: `New proposal: ${title}` });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole("button", { name: /^Open:/ }).click();
    await client.waitForURL(projectUrl + "#proposals");
    const proposal = client.getByRole("article", { name: "Proposal from Frankie Freelancer" });
    await expect.poll(() => proposal.getByText("Bid $1,200.00").count()).toBe(1);
    // "Hire" opens the offer; the client reviews it and sends it.
    await proposal.getByRole("link", { name: "Hire Frankie Freelancer" }).click();
    await client.waitForURL(/\/client\/proposals\/[0-9A-Z]+\/offer$/);
    await confirmedClick(client, "Review offer", "Send offer");
    await client.waitForURL(/\/client\/contracts\?tab=offered/);
    await expect.poll(() => client.getByText("Offer sent", { exact: true }).count()).toBe(1);

    expect(unexpected(clientWatch.errors)).toEqual([]);
    expect(unexpected(freelancerWatch.errors)).toEqual([]);
    await clientContext.close();
    await freelancerContext.close();
  });
});
