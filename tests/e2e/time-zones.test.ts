import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { formatDateTime } from "../../worker/domain/time/format";
import { formatClock } from "../../worker/domain/time/zones";
import { browserForThisFile, expectAccessible, watchConsoleErrors } from "./browser";
import { registered, signedIn } from "./people";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

async function json<T>(page: Page, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([path, body]) => {
      const res = await fetch(path as string, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, body] as const,
  );
  expect(result.status, `${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

async function contractBetween(client: Page, freelancer: Page): Promise<string> {
  const { project } = await json<{ project: { id: string } }>(client, "/api/projects", {
    title: `Translate our shop across time zones ${Date.now()}`,
    description: "We sell in Japan and Portugal and need the shop translated by someone who can meet us across the time difference.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 100_000,
    budgetMax: 250_000,
    currency: "USD",
  });
  const { proposal } = await json<{ proposal: { id: string } }>(freelancer, `/api/projects/${project.id}/proposals`, {
    coverLetter: `I translate shops between Japanese, Portuguese and English and can meet early or late. Reference ${crypto.randomUUID()}.`,
    bidAmount: 150_000,
    estimatedDays: 10,
  });
  const { contract } = await json<{ contract: { id: string } }>(client, `/api/proposals/${proposal.id}/accept`, {});
  return contract.id;
}

/** Saves a time zone on the account settings page: searched by city when given, else the one the page offers. */
async function chooseTimeZone(page: Page, city?: string): Promise<void> {
  await page.goto(`${baseUrl}/settings/account`);
  await page.locator("html[data-interactive]").waitFor();
  if (city) {
    await page.getByRole("searchbox", { name: "Time zone" }).fill(city);
    await page.getByRole("button", { name: new RegExp(`^${city} \\(`) }).click();
  }
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved:" }).count()).toBe(1);
}

/** The other person's clock as the page may show it now: this minute, or the last one (it moves every half minute). */
const clockNow = (zone: string) => [formatClock(new Date(Date.now() - 60_000), zone), formatClock(new Date(), zone)];

describe("time zones in the browser", () => {
  it("two people in different zones each see times in their own zone and the other's local time", async () => {
    const client = await signedIn(browser, await registered("client", "Mira Client"), { context: { timezoneId: "Asia/Tokyo" } });
    const freelancer = await signedIn(browser, await registered("freelancer", "Noah Freelancer"), {
      context: { timezoneId: "America/Los_Angeles", viewport: { width: 390, height: 844 } },
    });
    const watches = [watchConsoleErrors(client.page), watchConsoleErrors(freelancer.page)];

    // The client keeps the zone the browser gave (Tokyo); the freelancer, travelling, chooses Lisbon over the browser's.
    await chooseTimeZone(client.page);
    await expect.poll(() => client.page.getByText("Times are shown in Asia/Tokyo (you chose it).").count()).toBe(1);
    await chooseTimeZone(freelancer.page, "Lisbon");
    await expect.poll(() => freelancer.page.getByText("Times are shown in Europe/Lisbon (you chose it).").count()).toBe(1);
    await expectAccessible(freelancer.page);

    const contractId = await contractBetween(client.page, freelancer.page);
    await client.page.goto(`${baseUrl}/contracts/${contractId}`);
    const noahsClock = client.page.getByText("Noah's local time:");
    await expect.poll(() => noahsClock.textContent()).toMatch(/^Noah's local time: \d\d:\d\d \(Europe\/Lisbon\)$/);
    expect(clockNow("Europe/Lisbon")).toContain(/(\d\d:\d\d)/.exec((await noahsClock.textContent()) ?? "")?.[1]);

    // A message: each side reads its time in their own zone.
    await client.page.getByRole("button", { name: "Message Noah Freelancer" }).click();
    await client.page.waitForURL(/\/messages\/[0-9A-Za-z]+$/);
    const conversationPath = new URL(client.page.url()).pathname;
    await expect.poll(() => client.page.getByText("Noah's local time:").count()).toBe(1);
    const text = `Shall we meet tomorrow morning, my time? ${Date.now()}`;
    await client.page.getByRole("textbox", { name: "Message" }).fill(text);
    await client.page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => client.page.getByRole("log", { name: "Messages" }).getByText(text).count()).toBe(1);
    const { items } = await json<{ items: { body: string; createdAt: string }[] }>(
      client.page,
      `/api/conversations${conversationPath.replace("/messages", "")}/messages`,
    );
    const sentAt = items.find((m) => m.body === text)!.createdAt;
    await client.page.reload();
    await expect
      .poll(() => client.page.getByRole("log", { name: "Messages" }).textContent())
      .toContain(formatDateTime(sentAt, "Asia/Tokyo"));

    await freelancer.page.goto(`${baseUrl}/contracts/${contractId}`);
    await freelancer.page.getByRole("button", { name: "Message Mira Client" }).click();
    await freelancer.page.waitForURL(`${baseUrl}${conversationPath}`);
    await expect
      .poll(() => freelancer.page.getByRole("log", { name: "Messages" }).textContent())
      .toContain(formatDateTime(sentAt, "Europe/Lisbon"));
    const mirasClock = (await freelancer.page.getByText("Mira's local time:").textContent()) ?? "";
    expect(mirasClock).toMatch(/^Mira's local time: \d\d:\d\d \(Asia\/Tokyo\)$/);
    expect(clockNow("Asia/Tokyo")).toContain(/(\d\d:\d\d)/.exec(mirasClock)?.[1]);
    await expectAccessible(freelancer.page);

    // A meeting at 09:00 in Tokyo is midnight in Lisbon (no summer time in December), and each sees both.
    await client.page.getByRole("link", { name: "Propose a meeting" }).click();
    await client.page.waitForURL(/\/meetings\/new\?/);
    await expect.poll(() => client.page.getByText("your time, Asia/Tokyo").count()).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const day = tomorrow.toLocaleDateString("en-CA", { timeZone: "Asia/Tokyo" });
    await client.page.getByLabel("Title").fill("Agree the translation plan");
    await client.page.getByLabel(/Date and time/).fill(`${day}T09:00`);
    await client.page.getByRole("button", { name: "Send the proposal" }).click();
    await client.page.waitForURL(/\/meetings\/[0-9A-Za-z]+$/);
    const meetingPath = new URL(client.page.url()).pathname;
    const clientWhen = client.page.getByRole("definition").filter({ hasText: "your time" });
    await expect
      .poll(() => clientWhen.textContent())
      .toMatch(/09:00 .*\(your time, Asia\/Tokyo\).*00:00 .* for Noah Freelancer \(Europe\/Lisbon\)/);

    await freelancer.page.goto(`${baseUrl}/notifications`);
    await freelancer.page.getByRole("button", { name: "Open: Mira Client proposed a meeting: Agree the translation plan" }).click();
    await freelancer.page.waitForURL(`${baseUrl}${meetingPath}`);
    const freelancerWhen = freelancer.page.getByRole("definition").filter({ hasText: "your time" });
    await expect
      .poll(() => freelancerWhen.textContent())
      .toMatch(/00:00 .*\(your time, Europe\/Lisbon\).*09:00 .* for Mira Client \(Asia\/Tokyo\)/);
    expect(await freelancer.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    for (const watch of watches) expect(watch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  }, 180_000);
});
