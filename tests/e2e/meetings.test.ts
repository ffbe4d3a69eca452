import { createClient } from "@libsql/client";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { registered, signedIn } from "./people";

const baseUrl = inject("baseUrl");
const dbClient = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(dbClient, { schema });

const browser = browserForThisFile();
afterAll(() => {
  dbClient.close();
});

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
    title: `Plan the shop launch together ${Date.now()}`,
    description: "We would like to meet the freelancer on a call to agree the plan for our shop launch before the work starts.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 100_000,
    budgetMax: 250_000,
    currency: "USD",
  });
  const { proposal } = await json<{ proposal: { id: string } }>(freelancer, `/api/projects/${project.id}/proposals`, {
    coverLetter: `Happy to meet and plan the launch with you. I have launched several shops and can walk you through it. Reference ${crypto.randomUUID()}.`,
    bidAmount: 150_000,
    estimatedDays: 10,
  });
  const { contract } = await json<{ contract: { id: string } }>(client, `/api/proposals/${proposal.id}/accept`, {});
  return contract.id;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("meetings in the browser", () => {
  it("a client proposes a meeting from the contract; the freelancer on a phone, in another time zone, accepts it", async () => {
    const client = await signedIn(browser, await registered("client", "Mira Client"), { context: { timezoneId: "Europe/Berlin" } });
    const freelancer = await signedIn(browser, await registered("freelancer", "Noah Freelancer"), {
      context: { timezoneId: "America/New_York", viewport: { width: 390, height: 844 } },
    });
    const watches = [watchConsoleErrors(client.page), watchConsoleErrors(freelancer.page)];
    const contractId = await contractBetween(client.page, freelancer.page);
    await freelancer.page.goto(`${baseUrl}/meetings`);
    await expectAccessible(freelancer.page);

    await client.page.goto(`${baseUrl}/contracts/${contractId}`);
    await client.page.getByRole("link", { name: "Propose a meeting" }).click();
    await client.page.waitForURL(/\/meetings\/new\?contractId=/);
    await expect.poll(() => client.page.getByText("your time, Europe/Berlin").count()).toBeGreaterThan(0);
    await expect.poll(() => client.page.getByText("Noah Freelancer's time zone is not known yet", { exact: false }).count()).toBe(1);
    await client.page.getByLabel("Title").fill("Agree the launch plan");
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const day = tomorrow.toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });
    await client.page.getByLabel(/Date and time/).fill(`${day}T16:30`);
    await client.page.getByLabel("Length").selectOption("45");
    await expectAccessible(client.page);
    await client.page.getByRole("button", { name: "Send the proposal" }).click();
    await client.page.waitForURL(/\/meetings\/[0-9A-Za-z]+$/);
    const meetingPath = new URL(client.page.url()).pathname;
    await expect.poll(() => client.page.getByText("Waiting for Noah Freelancer to answer.").count()).toBe(1);
    await expectAccessible(client.page);

    // The freelancer finds it from the bell's notification.
    await freelancer.page.goto(`${baseUrl}/notifications`);
    await freelancer.page.getByRole("button", { name: "Open: Mira Client proposed a meeting: Agree the launch plan" }).click();
    await freelancer.page.waitForURL(`${baseUrl}${meetingPath}`);
    const when = freelancer.page.getByRole("definition").filter({ hasText: "your time" });
    // 16:30 in Berlin is 10:30 in New York, shown as the freelancer's time, with the client's beside it.
    await expect
      .poll(() => when.textContent())
      .toMatch(/10:30 .*\(your time, America\/New_York\).*16:30 .* for Mira Client \(Europe\/Berlin\)/);
    expect(await noSidewaysScroll(freelancer.page)).toBe(true);
    await expectAccessible(freelancer.page);
    await freelancer.page.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => freelancer.page.getByText("Accepted", { exact: true }).count()).toBe(1);

    // Both dashboards list it; the calendar file carries the start in UTC.
    for (const [page, home] of [
      [client.page, "/client"],
      [freelancer.page, "/freelancer"],
    ] as const) {
      await page.goto(`${baseUrl}${home}`);
      const card = page.getByRole("region", { name: "Upcoming meetings" });
      await expect.poll(() => card.textContent()).toContain("Agree the launch plan");
      await expect.poll(() => card.textContent()).toContain("Accepted");
      expect(await noSidewaysScroll(page)).toBe(true);
    }
    const start = new Date(`${day}T16:30:00+01:00`);
    const berlinOffsetOk = tomorrow.toLocaleString("en-GB", { timeZone: "Europe/Berlin", timeZoneName: "short" }).includes("CET");
    const ics = await client.page.evaluate(async (path) => (await fetch(`/api/meetings/${path.split("/").pop()}/ics`)).text(), meetingPath);
    if (berlinOffsetOk) expect(ics).toContain(`\r\nDTSTART:${start.toISOString().replace(/[-:]/g, "").replace(".000", "")}\r\n`);
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).toContain("\r\nSEQUENCE:0\r\n");

    const meetingId = meetingPath.split("/").pop()!;
    const mails = await db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.template, "notification.meeting_answered")));
    const invitations = mails.filter((m) => m.attachments?.some((a) => a.filename === `meeting-${meetingId}.ics`));
    expect(invitations).toHaveLength(2);
    for (const watch of watches) expect(watch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  }, 120_000);
});
