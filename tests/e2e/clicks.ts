/**
 * Steps of a person using MegiLance by clicking and typing only: the journey test never types an address after
 * the landing page. Each helper starts from whatever page the person is on and uses what every page offers
 * (the header, the portal navigation, the account menu, notifications).
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { NEW_PASSWORD, submitSignIn } from "./people";

export async function signUp(page: Page, person: { name: string; email: string; role: "client" | "freelancer" }): Promise<void> {
  await page.getByRole("link", { name: "Get started" }).click();
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("radio", { name: person.role === "client" ? /^Hire \(client\)/ : /^Work \(freelancer\)/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === `/${person.role}`);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("link", { name: "Sign in", exact: true }).first().click();
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect.poll(() => page.getByRole("link", { name: "Get started" }).count()).toBe(1);
}

/** A link in the portal's side navigation (on a phone, behind the Menu button). */
export async function navigate(page: Page, label: string): Promise<void> {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const link = page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: label, exact: true }).first();
  // Right after a navigation the portal may not be drawn yet: wait until either the link or the Menu button shows.
  await expect.poll(async () => (await link.isVisible()) || (await menu.isVisible()), { timeout: 15_000 }).toBe(true);
  if (!(await link.isVisible())) await menu.click();
  await link.click();
}

/**
 * As the admin: finds the newest mail to `email` in the outbox (it arrives through the mail queue, so the
 * filter is applied again until it is there) and follows the first link in it whose text matches.
 */
export async function followMailLink(page: Page, email: string, subject: RegExp, link: RegExp): Promise<void> {
  await navigate(page, "Mail outbox");
  const mail = page.getByRole("link", { name: subject }).first();
  await expect
    .poll(
      async () => {
        await page.getByLabel("Recipient").fill(email);
        await page.getByRole("button", { name: "Filter" }).click();
        await page.waitForURL((url) => url.searchParams.get("to") === email);
        return mail.count();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  await mail.click();
  await page.getByRole("region", { name: "Text body" }).getByRole("link", { name: link }).click();
}

/**
 * Opens the newest notification whose title matches, from the notification centre; it lists new ones live, so
 * this waits for one that is still on its way.
 */
export async function openNotification(page: Page, title: RegExp): Promise<void> {
  await navigate(page, "Notifications");
  const open = page.getByRole("button", { name: new RegExp(`^Open: ${title.source}`) }).first();
  await expect.poll(() => open.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await open.click();
}
