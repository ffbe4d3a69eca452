import { describe, expect, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { navigate } from "./clicks";
import { confirmedClick, hydrated, unexpectedErrors } from "./demo-session";
import { registered, signedIn } from "./people";

const browser = browserForThisFile();

const word = () =>
  `zq${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 10)}`;

describe("saved searches in the browser", () => {
  it("a freelancer saves a search by clicking, finds it on the list, opens it, switches its alerts and deletes it", async () => {
    const term = word();
    const client = (await signedIn(browser, await registered("client", "Rita Client"))).page;
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

    const page = (await signedIn(browser, await registered("freelancer", "Sam Freelancer"), { width: 390 })).page;
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
