import type { BrowserContext } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { browserForThisFile } from "./browser";
import { crawl, PHONE_WIDTH_PX } from "./crawler";
import { signIn } from "./clicks";

const baseUrl = inject("baseUrl");
/** Generous caps: today a role reaches far fewer distinct routes; hitting a cap fails the crawl. */
const LIMITS = { maxPages: 400, variantsPerRoute: 3, axeEvery: 12 };
const browser = browserForThisFile();
const visitedPerRole: Record<string, number> = {};

afterAll(() => {
  console.log(
    `[link crawler] pages visited per role: ${Object.entries(visitedPerRole)
      .map(([role, n]) => `${role} ${n}`)
      .join(", ")}`,
  );
});

/** Signs in the way a person does: from the landing page, through the sign-in form. */
async function signedIn(email: string): Promise<{ context: BrowserContext; landedOn: string }> {
  const context = await browser.newContext({ viewport: { width: PHONE_WIDTH_PX, height: 844 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await signIn(page, email, DEMO_PASSWORD);
  const landedOn = new URL(page.url()).pathname;
  await page.close();
  return { context, landedOn };
}

async function crawlAs(role: string, context: BrowserContext, start: string) {
  const report = await crawl({ baseUrl, context, start, ...LIMITS });
  visitedPerRole[role] = report.visited.length;
  console.log(
    `[link crawler] ${role}: ${report.visited.length} pages from ${start} (${report.axeChecked} checked with axe, ` +
      `${report.checkedByStatus} downloads or documents checked by status; skipped: ${[...report.skipped]
        .map(([path, why]) => `${path} (${why})`)
        .join(", ")})`,
  );
  await context.close();
  expect(report.failures).toEqual([]);
  // A crawl that found almost nothing proves nothing.
  expect(report.visited.length).toBeGreaterThan(10);
}

describe("every page a person can click to", () => {
  it("answers, renders without errors and fits a phone, signed out", { timeout: 600_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: PHONE_WIDTH_PX, height: 844 } });
    await crawlAs("signed out", context, "/");
  });

  for (const [role, email] of [
    ["client", "client@demo.test"],
    ["freelancer", "freelancer@demo.test"],
    ["admin", "admin@demo.test"],
  ] as const) {
    it(`answers, renders without errors and fits a phone, as the demo ${role}`, { timeout: 600_000 }, async () => {
      const { context, landedOn } = await signedIn(email);
      expect(landedOn).toBe(`/${role}`);
      await crawlAs(role, context, landedOn);
    });
  }
});
