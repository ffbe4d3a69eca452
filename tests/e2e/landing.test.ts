import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signIn, signOut, signUp } from "./clicks";
import { NEW_PASSWORD } from "./people";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

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

  it("leads a visitor to search, categories with true counts, featured freelancers and recent projects", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const watch = watchConsoleErrors(page);
    await page.goto(baseUrl);
    expect(await page.getByRole("link", { name: "Get started" }).getAttribute("href")).toBe("/sign-up");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);

    // A category card's count is the number of projects its search finds.
    const categories = page.getByRole("region", { name: "Browse by category" }).getByRole("link");
    expect(await categories.count()).toBeGreaterThan(10);
    const card = categories.filter({ hasText: "Web Development" });
    const shown = Number(/([\d,]+) open projects?/.exec((await card.textContent()) ?? "")?.[1].replace(/,/g, ""));
    expect(shown).toBeGreaterThan(0);
    await card.click();
    await page.waitForURL(`${baseUrl}/projects?category=web-development`);
    await expect.poll(() => page.getByText(/projects? found$/).textContent()).toBe(`${shown} project${shown === 1 ? "" : "s"} found`);

    await page.goBack();
    const featured = page.getByRole("region", { name: "Featured freelancers" }).getByRole("listitem");
    await expect.poll(() => featured.count()).toBeGreaterThan(0);
    const person = (await featured.first().getByRole("link").textContent())!;
    await featured.first().getByRole("link").click();
    await page.waitForURL(/\/f\/[^/]+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(person);

    await page.goBack();
    const recent = page.getByRole("region", { name: "Recently posted projects" }).getByRole("listitem").first().getByRole("link");
    await expect.poll(() => recent.count()).toBe(1);
    const title = (await recent.textContent())!;
    await recent.click();
    await page.waitForURL(/\/projects\/[0-9A-Z]+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);

    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("searchbox", { name: "Search projects" }).fill("react");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(`${baseUrl}/projects?q=react`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Find projects");
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("offers a signed-in person their portal instead of Get started", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signIn(page, "freelancer@demo.test", DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/freelancer`);
    await page.getByRole("link", { name: "MegiLance home" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.getByRole("link", { name: "Go to your portal" }).getAttribute("href")).toBe("/freelancer");
    expect(await page.getByRole("link", { name: "Get started" }).count()).toBe(0);
    await context.close();
  });

  it("greets a new account with Welcome, and with Welcome back from the next sign-in on", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = `newcomer-${Date.now().toString(36)}@example.test`;
    await page.goto(baseUrl);
    await signUp(page, { name: "Nova Newcomer", email, role: "client" });
    await page.waitForURL(`${baseUrl}/client`);
    await expect.poll(() => page.getByText("Welcome, Nova Newcomer.").count()).toBe(1);

    await signOut(page);
    await signIn(page, email, NEW_PASSWORD);
    await page.waitForURL(`${baseUrl}/client`);
    await expect.poll(() => page.getByText("Welcome back, Nova Newcomer.").count()).toBe(1);
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
