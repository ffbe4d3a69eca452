import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signInOn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

describe("the payouts page", () => {
  for (const theme of ["light", "dark"] as const) {
    it(`tells a freelancer on a phone (${theme} theme) how card money reaches them, and passes axe`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      if (theme === "dark") await context.addCookies([{ name: "theme", value: "dark", url: baseUrl }]);
      const page = await context.newPage();
      const watch = watchConsoleErrors(page);
      await signInOn(page, "freelancer@demo.test", { redirectTo: "/settings/payouts" });
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
