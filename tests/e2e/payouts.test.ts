import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible, launchBrowser, watchConsoleErrors } from "./browser";

const baseUrl = inject("baseUrl");
const DEMO_PASSWORD = "megilance-demo";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the payouts page", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`tells a freelancer on a phone (${theme} theme) how card money reaches them, and passes axe`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      if (theme === "dark") await context.addCookies([{ name: "theme", value: "dark", url: baseUrl }]);
      const page = await context.newPage();
      const watch = watchConsoleErrors(page);
      await page.goto(`${baseUrl}/sign-in?redirectTo=${encodeURIComponent("/settings/payouts")}`);
      await page.getByLabel("Email", { exact: true }).fill("freelancer@demo.test");
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${baseUrl}/settings/payouts`);
      await expect.poll(() => page.getByRole("heading", { name: "Payouts", level: 1 }).count()).toBe(1);
      // The local stack runs without a Stripe key: the page says so instead of offering a dead button.
      await expect.poll(() => page.getByRole("heading", { name: "Card payments are off" }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
