/**
 * The hire journey by clicking alone, in two browsers at once: a new client and a new freelancer sign up, confirm
 * their e-mail from the mail outbox, post, find, propose, talk before hiring, offer, accept, fund, submit, ask
 * for changes, approve, end and review each other. Each browser opens the landing page once; after that there
 * is no typed address, no reload and no back button: only clicks and typing.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { browserForThisFile, watchConsoleErrors } from "./browser";
import { followMailLink, navigate, openNotification, signIn, signOut, signUp } from "./clicks";
import { NEW_PASSWORD } from "./people";

const baseUrl = inject("baseUrl");
/** Money steps answer after a round of writes; on a busy machine that takes more than the default poll. */
const SLOW = { timeout: 20_000 };
const browser = browserForThisFile();
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** A browser window that has opened the landing page: the only address this test ever types. */
async function person(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(baseUrl);
  // From here on only clicks and typing: typed addresses, reloads and the back button are refused.
  for (const method of ["goto", "reload", "goBack", "goForward"] as const) {
    page[method] = () => {
      throw new Error(`The journey used page.${method}: a person clicks instead.`);
    };
  }
  return page;
}

/** Chrome logs the 4xx answers of forms that refuse on purpose; nothing else may reach the console. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
/** The conversation's messages, as the open conversation page shows them. */
const log = (page: Page) => page.getByRole("log", { name: "Messages" });

describe("the hire journey, by clicking alone", () => {
  it("takes a new client and a new freelancer from sign-up to reviews", { timeout: 300_000 }, async () => {
    const word = `zephyr${Date.now().toString(36)}`;
    const clientPerson = { name: `Cleo ${word}`, email: `cleo-${word}@example.test`, role: "client" as const };
    const freelancerPerson = { name: `Felix ${word}`, email: `felix-${word}@example.test`, role: "freelancer" as const };
    const c = await person(1280);
    const f = await person(390);
    const watches = [watchConsoleErrors(c), watchConsoleErrors(f)];

    // Sign up, both at once.
    await signUp(c, clientPerson);
    await signUp(f, freelancerPerson);
    await expect.poll(() => c.getByText(`Welcome, ${clientPerson.name}.`).count()).toBe(1);
    expect(await c.getByText(/Please confirm your email address/).count()).toBe(1);

    // Confirm: the freelancer's browser signs in as the admin and opens both confirmation mails in the outbox.
    await signOut(f);
    await signIn(f, "admin@demo.test", DEMO_PASSWORD);
    for (const who of [clientPerson, freelancerPerson]) {
      await followMailLink(f, who.email, /Confirm your email/i, /\/verify-email\?token=/);
      await expect.poll(() => f.getByText("Your email address is confirmed").count()).toBe(1);
      await f.getByRole("link", { name: "Go to your portal" }).click();
      await f.waitForURL((url) => url.pathname === "/admin");
    }
    await signOut(f);
    await signIn(f, freelancerPerson.email, NEW_PASSWORD);
    await expect.poll(() => f.getByText(`Welcome back, ${freelancerPerson.name}.`).count()).toBe(1);

    // Post: the confirmation counts at once, and the reminder leaves the portal with the next form sent.
    await navigate(c, "Post a project");
    const title = `Build a ${word} booking widget`;
    await c.getByLabel("Title").fill(title);
    await c
      .getByLabel("Description")
      .fill(`A small React widget that lets visitors book a ${word} session, with a calendar and e-mail reminders.`);
    await c.getByLabel("Category").selectOption({ label: "Web Development" });
    await c.getByLabel("Skills").fill("React, TypeScript");
    await c.getByLabel("Budget type").selectOption("fixed");
    await c.getByLabel("Currency").selectOption("USD");
    await c.getByLabel("Minimum budget").fill("800");
    await c.getByLabel("Maximum budget").fill("1200");
    await c.getByRole("button", { name: "Post project" }).click();
    await c.waitForURL(/\/projects\/[0-9A-Z]+$/);
    await expect.poll(() => c.getByText(/Please confirm your email address/).count()).toBe(0);

    // Find and propose.
    await navigate(f, "Find work");
    await f.getByRole("searchbox", { name: "Search projects" }).fill(word);
    await f.getByRole("button", { name: "Search", exact: true }).click();
    await f.getByRole("link", { name: title }).click();
    await f
      .getByLabel("Cover letter")
      .fill(`I build booking widgets in React and TypeScript. For ${word} I would start with the calendar, then reminders and tests.`);
    await f.getByLabel(/^Bid amount/).fill("1000");
    await f.getByLabel("Estimated days").fill("12");
    await f.getByRole("button", { name: "Send proposal" }).click();
    await expect.poll(() => f.getByText("Your proposal was sent.").count()).toBe(1);

    // The client hears of it and opens the proposals.
    await openNotification(c, /New proposal/);
    // The notification's link leads to the project page's ranked proposals.
    await c.waitForURL(/\/projects\/[0-9A-Z]+#proposals$/);
    await expect.poll(() => c.getByText(freelancerPerson.name).count()).toBeGreaterThan(0);

    // Message before hiring: the client asks from the proposal; the freelancer finds it in Messages and answers.
    const question = `Could the ${word} calendar start the week on Monday?`;
    const answer = `Yes: the ${word} calendar can start on any day you choose.`;
    await c
      .getByRole("article", { name: `Proposal from ${freelancerPerson.name}` })
      .getByRole("button", { name: `Message ${freelancerPerson.name}` })
      .click();
    await c.waitForURL(/\/messages\/[0-9A-Z]+$/);
    await expect.poll(() => c.getByRole("heading", { level: 1 }).textContent()).toBe(freelancerPerson.name);
    expect(await c.getByText(/^Proposal:/).textContent()).toBe(`Proposal: ${title}`);
    await c.getByRole("textbox", { name: "Message" }).fill(question);
    await c.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => log(c).getByText(question).count(), SLOW).toBe(1);
    await expect.poll(() => c.getByRole("textbox", { name: "Message" }).inputValue()).toBe("");

    await navigate(f, "Messages");
    await f.waitForURL((url) => url.pathname === "/messages");
    const conversationRow = f.getByRole("link", { name: new RegExp(clientPerson.name) }).filter({ hasText: question });
    await expect.poll(() => conversationRow.count(), SLOW).toBe(1);
    expect(await conversationRow.textContent()).toContain("1 unread");
    expect(await conversationRow.textContent()).toContain(`Proposal: ${title}`);
    await conversationRow.click();
    await f.waitForURL(/\/messages\/[0-9A-Z]+$/);
    await expect.poll(() => log(f).getByText(question).count(), SLOW).toBe(1);
    await f.getByRole("textbox", { name: "Message" }).fill(answer);
    await f.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => log(f).getByText(answer).count(), SLOW).toBe(1);
    // The client's open conversation shows the answer live, then leads back to the proposal.
    await expect.poll(() => log(c).getByText(answer).count(), SLOW).toBe(1);
    await c.getByRole("link", { name: title, exact: true }).click();
    await c.waitForURL(/\/projects\/[0-9A-Z]+#proposal-[0-9A-Z]+$/);

    // Offer: "Hire" opens the offer form; "Review offer" shows what the freelancer will be asked to accept.
    const contractTitle = `${word} booking widget`;
    await c.getByRole("link", { name: `Hire ${freelancerPerson.name}` }).click();
    await c.getByLabel("Title of the contract").fill(contractTitle);
    await c.getByLabel("Milestone 1", { exact: true }).fill("Calendar");
    await c.getByLabel("Amount (USD)").first().fill("600");
    await c.getByRole("button", { name: "Add a milestone" }).click();
    await c.getByLabel("Milestone 2", { exact: true }).fill("Reminders");
    await c.getByLabel("Amount (USD)").nth(1).fill("400");
    await c.getByRole("button", { name: "Review offer" }).click();
    const review = c.getByRole("dialog", { name: `Send this offer to ${freelancerPerson.name}?` });
    await expect.poll(() => review.isVisible(), SLOW).toBe(true);
    expect(await review.textContent()).toContain("$1,000.00 in 2 milestones");
    await review.getByRole("button", { name: "Send offer" }).click();
    await c.waitForURL((url) => url.pathname === "/client/contracts");
    await expect
      .poll(() => c.getByRole("article", { name: contractTitle }).getByText("Waiting for the freelancer to answer").count())
      .toBe(1);

    // Accept: the freelancer opens the offer from the notification and confirms it.
    await openNotification(f, /New offer/);
    await f.waitForURL(/\/contracts\/[0-9A-Z]+$/);
    await f.getByRole("button", { name: "Accept offer" }).click();
    await f.getByRole("dialog", { name: "Accept this offer?" }).getByRole("button", { name: "Accept offer" }).click();
    await expect.poll(() => f.getByRole("button", { name: "End contract" }).count(), SLOW).toBe(1);

    // Fund: the client finds the contract under Contracts (Active) and confirms the amount.
    await navigate(c, "Contracts");
    await c
      .getByRole("navigation", { name: "Contract status" })
      .getByRole("link", { name: /^Active/ })
      .click();
    await c.getByRole("article", { name: contractTitle }).getByRole("link", { name: contractTitle, exact: true }).click();
    await c.getByRole("button", { name: "Fund $600.00" }).click();
    await c.getByRole("dialog", { name: "Fund $600.00?" }).getByRole("button", { name: "Fund $600.00" }).click();
    await expect.poll(() => c.getByText("Funded", { exact: true }).count(), SLOW).toBe(1);

    // Submit, send back for changes, submit again.
    await openNotification(f, /Milestone funded: Calendar/);
    await f.getByLabel("Note for the client (optional)").fill("The calendar is ready for a look.");
    await f.getByRole("button", { name: "Submit work for review" }).click();
    await expect.poll(() => f.getByRole("button", { name: "Submit work for review" }).count(), SLOW).toBe(0);
    await openNotification(c, /Work submitted: Calendar/);
    await c.getByText("Ask for changes").click();
    await c.getByLabel("What should change?").fill("Please start the week on Monday.");
    await c.getByRole("button", { name: "Send back for changes" }).click();
    await expect.poll(() => c.getByRole("button", { name: /^Approve and pay/ }).count(), SLOW).toBe(0);
    await openNotification(f, /Changes requested: Calendar/);
    await f.getByLabel("Note for the client (optional)").fill("Weeks start on Monday now.");
    await f.getByRole("button", { name: "Submit work for review" }).click();
    await expect.poll(() => f.getByRole("button", { name: "Submit work for review" }).count(), SLOW).toBe(0);

    // Approve and pay, then end the contract: each asks first, naming the amount.
    await openNotification(c, /Work submitted: Calendar/);
    await c.getByRole("button", { name: "Approve and pay $600.00" }).click();
    await c
      .getByRole("dialog", { name: /Approve .*Calendar.* and pay \$600\.00\?/ })
      .getByRole("button", { name: "Approve and pay $600.00" })
      .click();
    await expect.poll(() => c.getByText("Approved and paid", { exact: true }).count(), SLOW).toBe(1);
    await c.getByLabel("Why does it end?").fill("The calendar was all we needed.");
    await c.getByRole("button", { name: "End contract" }).click();
    await c.getByRole("dialog", { name: "End this contract?" }).getByRole("button", { name: "End contract" }).click();
    await expect.poll(() => c.getByRole("button", { name: "End contract" }).count(), SLOW).toBe(0);
    await navigate(c, "Contracts");
    await c
      .getByRole("navigation", { name: "Contract status" })
      .getByRole("link", { name: /^Ended/ })
      .click();
    await expect.poll(() => c.getByRole("article", { name: contractTitle }).getByText("Leave a review").count(), SLOW).toBeGreaterThan(0);

    // Review on both sides: the client's review stays hidden from the freelancer until the freelancer wrote theirs.
    const clientReview = `Clear, careful work on the ${word} calendar.`;
    const freelancerReview = `A precise ${word} brief and payment on the day.`;
    await c.getByRole("link", { name: `Leave a review — ${contractTitle}` }).click();
    await c.waitForURL(/\/contracts\/[0-9A-Z]+$/);
    await c.getByRole("link", { name: "Reviews for this contract" }).click();
    await c.waitForURL(/\/contracts\/[0-9A-Z]+\/review$/);
    await c.getByLabel("5 stars").check();
    await c.getByLabel("Quality").selectOption("5");
    await c.getByLabel("Your review").fill(clientReview);
    await c.getByLabel(/^Private note to MegiLance/).fill("Would hire again.");
    await c.getByRole("button", { name: "Publish my review" }).click();
    await expect.poll(() => c.getByText(clientReview).count(), SLOW).toBe(1);
    expect(await c.getByRole("button", { name: "Publish my review" }).count()).toBe(0);

    await openNotification(f, /You received a review/);
    await f.waitForURL(/\/contracts\/[0-9A-Z]+\/review$/);
    await expect.poll(() => f.getByText(/The client wrote a review\. It shows once you write yours/).count(), SLOW).toBe(1);
    expect(await f.getByText(clientReview).count()).toBe(0);
    await f.getByLabel("4 stars").check();
    await f.getByLabel("Prompt payment").selectOption("5");
    await f.getByLabel("Your review").fill(freelancerReview);
    await f.getByRole("button", { name: "Publish my review" }).click();
    await expect.poll(() => f.getByText(clientReview).count(), SLOW).toBe(1);
    expect(await f.getByText(freelancerReview).count()).toBe(1);
    expect(await f.getByText("Would hire again.").count()).toBe(0);

    await openNotification(c, /You received a review/);
    await c.waitForURL(/\/contracts\/[0-9A-Z]+\/review$/);
    await expect.poll(() => c.getByText(freelancerReview).count(), SLOW).toBe(1);
    expect(await c.getByText(clientReview).count()).toBe(1);

    expect(watches.flatMap((w) => unexpected(w.errors))).toEqual([]);
  });
});
