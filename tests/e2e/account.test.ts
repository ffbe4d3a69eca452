import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, watchConsoleErrors, expectAccessible } from "./browser";
import { DEMO_PASSWORD, submitSignIn } from "./people";

const baseUrl = inject("baseUrl");
const PASSWORD = "correct horse battery staple 42";
const TOTP_PERIOD_MS = 30_000;

const browser = browserForThisFile();

async function heading(page: Page) {
  return page.getByRole("heading", { level: 1 }).textContent();
}

/** The admin reads the outbox in the browser; mail arrives through the queue, so reload until it is there. */
async function verificationLinkFor(admin: BrowserContext, email: string): Promise<string> {
  const page = await admin.newPage();
  const watch = watchConsoleErrors(page);
  await page.goto(`${baseUrl}/sign-in?redirectTo=${encodeURIComponent(`/admin/mail?to=${email}`)}`);
  await submitSignIn(page, "admin@demo.test", DEMO_PASSWORD);
  await page.waitForURL(/\/admin\/mail\?to=/);
  const mailLink = page.getByRole("link", { name: "Confirm your email address" });
  await expect
    .poll(
      async () => {
        if ((await mailLink.count()) === 0) await page.reload();
        return mailLink.count();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(1);
  await mailLink.click();
  await page.waitForURL(/\/admin\/mail\/[0-9A-Z]+$/);
  const body = (await page.getByRole("region", { name: "Text body" }).textContent()) ?? "";
  const link = /https?:\/\/\S+\/verify-email\?token=[a-z0-9]+/.exec(body)?.[0];
  expect(link, `no verification link in:\n${body}`).toBeTruthy();
  expect(watch.errors).toEqual([]);
  await page.close();
  return link!;
}

const currentStep = () => Math.floor(Date.now() / TOTP_PERIOD_MS);

describe("accounts in the browser", () => {
  it("signs up a freelancer, confirms the email, turns on TOTP, and signs in again with a code", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchConsoleErrors(page);
    const email = `fran-${Date.now().toString(36)}@example.test`;

    await page.goto(`${baseUrl}/sign-up`);
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Fran Tester");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("radio", { name: /^Work \(freelancer\)/ }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/freelancer`);
    await expect.poll(() => heading(page)).toBe("Freelancer portal");
    expect(await page.getByText(/Please confirm your email address/).count()).toBe(1);

    const admin = await browser.newContext();
    const link = await verificationLinkFor(admin, email);
    await admin.close();
    await page.goto(link);
    await page.waitForURL(`${baseUrl}/verify-email?status=verified`);
    await expect.poll(() => page.getByText("Your email address is confirmed").count()).toBe(1);
    await page.getByRole("link", { name: "Go to your portal" }).click();
    await page.waitForURL(`${baseUrl}/freelancer`);
    expect(await page.getByText(/Please confirm your email address/).count()).toBe(0);

    await page.goto(`${baseUrl}/settings/security`);
    await expect.poll(() => heading(page)).toBe("Security settings");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const secretField = page.getByLabel("Secret key");
    await expect.poll(() => secretField.count()).toBe(1);
    expect(await page.getByRole("img", { name: /QR code/ }).count()).toBe(1);
    const key = decodeBase32IgnorePadding(await secretField.inputValue());
    const enrolCode = generateTOTP(key, TOTP_PERIOD_MS / 1000, 6);
    const enrolStep = currentStep(); // read after the code, so a step boundary in between errs on the late side
    await page.getByLabel("Code from your app").fill(enrolCode);
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    const backupCodes = page.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
    await expect.poll(() => backupCodes.count()).toBe(10);
    expect(await backupCodes.first().textContent()).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await expect.poll(() => page.getByText("On", { exact: true }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/`);
    // The URL changes before the revalidated header renders; wait for the signed-out header.
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/sign-in`);
    await submitSignIn(page, email, PASSWORD);
    await expect.poll(() => heading(page)).toBe("Two-step verification");
    // Each time step is accepted once, and enrolment spent the current one.
    while (currentStep() <= enrolStep) await page.waitForTimeout(500);
    await page.getByLabel("Code", { exact: true }).fill(generateTOTP(key, TOTP_PERIOD_MS / 1000, 6));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.waitForURL(`${baseUrl}/freelancer`);
    await expect.poll(() => heading(page)).toBe("Freelancer portal");

    expect(watch.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("sends a signed-out visitor to sign-in and back, and shows a freelancer a 403 page in the admin console", async () => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    const watch = watchConsoleErrors(page);
    await page.goto(`${baseUrl}/client`);
    expect(page.url()).toBe(`${baseUrl}/sign-in?redirectTo=%2Fclient`);
    await submitSignIn(page, "client@demo.test", DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/client`);
    await expect.poll(() => heading(page)).toBe("Client portal");
    expect(watch.errors).toEqual([]);
    await visitor.close();

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const freelancer = await phone.newPage();
    const freelancerWatch = watchConsoleErrors(freelancer);
    await freelancer.goto(`${baseUrl}/sign-in`);
    await submitSignIn(freelancer, "freelancer@demo.test", DEMO_PASSWORD);
    await freelancer.waitForURL(`${baseUrl}/freelancer`);
    // On a phone the side navigation folds into a menu.
    const nav = freelancer.getByRole("navigation", { name: "Portal" });
    expect(await nav.count()).toBe(0);
    await freelancer.getByRole("button", { name: "Menu", exact: true }).click();
    await expect.poll(() => nav.getByRole("link", { name: "Security" }).isVisible()).toBe(true);
    expect(await freelancer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const response = await freelancer.goto(`${baseUrl}/admin`);
    expect(response?.status()).toBe(403);
    expect(await heading(freelancer)).toBe("Not allowed");
    // The browser reports the 403 document itself; nothing else may fail.
    expect(freelancerWatch.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await phone.close();
  });
});
