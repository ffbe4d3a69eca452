import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { expectAccessible, launchBrowser, watchConsoleErrors } from "./browser";
import { navigate, PASSWORD } from "./clicks";
import { confirmedClick, hydrated, unexpectedErrors } from "./demo-session";

const baseUrl = inject("baseUrl");
const dbClient = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(dbClient, { schema });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  dbClient.close();
});

async function registered(role: "client" | "freelancer", name: string): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, name, role }),
  });
  expect(res.status).toBe(201);
  await db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.email, email));
  return email;
}

async function signedIn(email: string, width = 1100): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

const word = () =>
  `zq${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 10)}`;

describe("saved searches in the browser", () => {
  it("a freelancer saves a search by clicking, finds it on the list, opens it, switches its alerts and deletes it", async () => {
    const term = word();
    const client = await signedIn(await registered("client", "Rita Client"));
    const posted = await client.evaluate(
      async (title) =>
        (
          await fetch("/api/projects", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              title,
              description: "A small shop needs its product pages rebuilt so they load fast and read well on a phone.",
              category: "web-development",
              skills: ["React", "TypeScript"],
              budgetType: "fixed",
              budgetMin: 100_000,
              budgetMax: 250_000,
              currency: "USD",
            }),
          })
        ).status,
      `${term} product pages`,
    );
    expect(posted).toBe(201);

    const page = await signedIn(await registered("freelancer", "Sam Freelancer"), 390);
    const watch = watchConsoleErrors(page);
    await navigate(page, "Find work");
    await page.waitForURL(/\/projects$/);
    await page.getByLabel("Search projects").fill(term);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(new RegExp(`q=${term}`));
    await expect.poll(() => page.getByRole("link", { name: `${term} product pages` }).count()).toBe(1);
    await hydrated(page);
    await page.getByLabel("Save this search").fill("Shop product pages");
    await page.getByRole("button", { name: "Save search" }).click();
    await page.waitForURL(/\/freelancer\/saved-searches\?saved=/);
    await expect.poll(() => page.getByText("Saved “Shop product pages”.", { exact: false }).count()).toBe(1);
    const list = page.getByRole("list", { name: "Saved searches" });
    await expect.poll(() => list.getByRole("link", { name: "Shop product pages", exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);

    // Open runs the search again.
    await list.getByRole("link", { name: "Open Shop product pages" }).click();
    await page.waitForURL(new RegExp(`/projects\\?q=${term}`));
    await expect.poll(() => page.getByRole("link", { name: `${term} product pages` }).count()).toBe(1);

    // The portal navigation leads back; alerts switch to the daily digest.
    await navigate(page, "Saved searches");
    await page.waitForURL(/\/freelancer\/saved-searches$/);
    await page.getByLabel("Alerts for Shop product pages").selectOption("daily");
    await page.getByRole("button", { name: "Save alerts for Shop product pages" }).click();
    await page.waitForURL(/done=changed/);
    await expect.poll(() => page.getByText("Daily e-mail digest", { exact: true }).count()).toBeGreaterThan(0);

    // The project page tells the freelancer about its client.
    await list.getByRole("link", { name: "Open Shop product pages" }).click();
    await page.getByRole("link", { name: `${term} product pages` }).click();
    await page.waitForURL(/\/projects\/[0-9A-Z]+$/);
    await expect.poll(() => page.getByRole("heading", { name: "About the client" }).count()).toBe(1);
    await expect.poll(() => page.getByText("Payment method not verified").count()).toBe(1);

    await navigate(page, "Saved searches");
    await page.waitForURL(/\/freelancer\/saved-searches$/);
    await confirmedClick(page, "Delete Shop product pages", "Delete search");
    await page.waitForURL(/done=deleted/);
    await expect.poll(() => page.getByText("No saved searches yet").count()).toBe(1);
    expect(unexpectedErrors(watch.errors)).toEqual([]);
  });
});
