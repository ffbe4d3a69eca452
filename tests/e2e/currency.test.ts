import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

describe("the preferred currency setting", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`is picked and saved on a phone (${theme} theme), and the page passes axe`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      if (theme === "dark") await context.addCookies([{ name: "theme", value: "dark", url: baseUrl }]);
      const page = await context.newPage();
      const watch = watchConsoleErrors(page);
      await page.goto(`${baseUrl}/sign-up`);
      await page.getByLabel("Full name").fill("Rupa Rates");
      await page.getByLabel("Email", { exact: true }).fill(`rupa-${theme}-${Date.now().toString(36)}@example.test`);
      await page.getByLabel("Password", { exact: true }).fill("a long enough password 42");
      await page.getByRole("radio", { name: /^Work \(freelancer\)/ }).check();
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${baseUrl}/freelancer`);

      await page.goto(`${baseUrl}/settings/account`);
      await expect.poll(() => page.getByRole("heading", { name: "Your currency" }).count()).toBe(1);
      const select = page.getByLabel("Show amounts also in");
      expect(await select.inputValue()).toBe("");
      await select.selectOption("INR");
      await page.getByRole("button", { name: "Save currency" }).click();
      await page.waitForURL(`${baseUrl}/settings/account?currency=saved`);
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved: INR" }).count()).toBe(1);
      expect(await page.getByLabel("Show amounts also in").inputValue()).toBe("INR");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
