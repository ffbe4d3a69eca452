import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, watchConsoleErrors } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("landing page", () => {
  it("renders, links to sign-in and sign-up, and keeps the chosen theme after reload", async () => {
    const context = await browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    const consoleWatch = watchConsoleErrors(page);
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/safely paid/i);
    expect(await page.getByRole("link", { name: "Sign in" }).first().getAttribute("href")).toBe("/sign-in");
    expect(await page.getByRole("link", { name: "Sign up" }).first().getAttribute("href")).toBe("/sign-up");

    const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
    expect(await isDark()).toBe(false);
    await page.getByRole("button", { name: /switch to dark theme/i }).click();
    await expect.poll(isDark).toBe(true);
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === "theme")?.value).toBe("dark");

    await page.reload();
    expect(await isDark()).toBe(true);
    // Rendered dark by the server, not only by the script: no flash of the wrong theme.
    const serverHtml = await (await context.request.get(baseUrl)).text();
    expect(serverHtml).toMatch(/<html lang="en" class="dark"/);
    await expect.poll(() => page.getByRole("button", { name: /switch to light theme/i }).count()).toBe(1);
    expect(consoleWatch.errors).toEqual([]);
    await context.close();
  });

  it("shows a styled 404 page for unknown addresses", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.getByRole("link", { name: /back to the home page/i }).count()).toBe(1);
    await page.close();
  });
});
