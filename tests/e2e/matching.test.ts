import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signInOn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

describe("matching and price guides in the browser", () => {
  it("a client sees a live price guide, then matches on the project page, and invites one to apply", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const client = await context.newPage();
    const watch = watchConsoleErrors(client);
    await signInOn(client, "client@demo.test", { redirectTo: "/client/projects/new" });
    const guide = client.getByRole("region", { name: "Price guide" });
    await expect.poll(() => guide.textContent()).toContain("Choose a category");
    await client.getByLabel("Title").fill(`React dashboard for our sales team ${Date.now().toString(36)}`);
    await client
      .getByLabel("Description")
      .fill("A React and TypeScript dashboard that charts weekly sales from our REST API, with logins.");
    await client.getByLabel("Category").selectOption({ label: "Web Development" });
    await client.getByLabel("Skills").fill("React, TypeScript");
    await client.getByLabel("Minimum budget").fill("1000");
    await client.getByLabel("Maximum budget").fill("3000");
    await expect.poll(() => guide.textContent(), { timeout: 15_000 }).toMatch(/Similar projects cost \$[\d,.]+ to \$[\d,.]+/);
    await expectAccessible(client);
    await client.getByRole("button", { name: "Post project" }).click();
    await client.waitForURL(new RegExp(`^${baseUrl}/projects/[0-9A-Z]+$`));

    const matches = client.getByRole("list", { name: "Recommended freelancers" });
    await expect.poll(() => matches.getByRole("listitem").count()).toBeGreaterThan(0);
    const first = matches.getByRole("listitem").first();
    expect(await first.getByText(/Knows .+ \(\d of \d key skills\)/).count()).toBeGreaterThan(0);
    await first.getByText("Why this match").click();
    expect(await first.getByRole("table", { name: "Score by factor" }).getByRole("row").count()).toBe(8);
    await expectAccessible(client);
    await first.getByRole("button", { name: /^Invite to apply/ }).click();
    await expect.poll(() => first.getByText("Invited", { exact: true }).count()).toBe(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it("a freelancer sees recommended projects with reasons, and a rate guide on the profile", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchConsoleErrors(page);
    await signInOn(page, "freelancer@demo.test", { redirectTo: "/freelancer" });
    const section = page.getByRole("region", { name: "Recommended projects" });
    await expect.poll(() => section.getByRole("link").count()).toBeGreaterThan(0);
    expect(await section.getByText(/^Match score \d+ out of 100$/).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.goto(`${baseUrl}/freelancer/profile`);
    await expect.poll(() => page.getByText(/Freelancers with skills and experience like yours charge/).count()).toBe(1);
    await expectAccessible(page);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
