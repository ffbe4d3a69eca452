import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";

const baseUrl = inject("baseUrl");
const PASSWORD = "a passphrase for passkeys 42";

const browser = browserForThisFile();

/** A platform authenticator (like Touch ID) that holds discoverable passkeys and checks the user. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /account menu/i }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${baseUrl}/`);
  await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies(baseUrl)).find((cookie) => cookie.name === "megilance_session");
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("passkeys in the browser", () => {
  it("registers a passkey, signs out, and signs in with the passkey alone, from autofill and from the button, into a cookie session", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watch = watchConsoleErrors(page);
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    const email = `pia-${Date.now().toString(36)}@example.test`;

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Full name").fill("Pia Passkey");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("radio", { name: /^Hire \(client\)/ }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/client`);

    await page.goto(`${baseUrl}/settings/security`);
    await expect.poll(() => heading(page)).toBe("Security settings");
    await page.getByLabel("Passkey name").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect.poll(() => page.getByText('Passkey "Test laptop" added.').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole("button", { name: "Remove passkey Test laptop" }).count(), { timeout: 10_000 }).toBe(1);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: new URL(baseUrl).hostname });

    // Autofill: the sign-in page asks for a passkey with conditional mediation as soon as it opens. A real
    // browser lists it under the email field; the virtual authenticator picks it as a person would.
    await signOut(page);
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.getByLabel("Email", { exact: true }).getAttribute("autocomplete")).toBe("username webauthn");
    await page.waitForURL(`${baseUrl}/client`, { timeout: 15_000 });
    await expect.poll(() => heading(page)).toBe("Client portal");
    await expectCookieSession(page, context);

    // The button: in a browser without passkey autofill the page offers the passkey dialog instead.
    await signOut(page);
    await page.addInitScript(() => {
      (PublicKeyCredential as unknown as { isConditionalMediationAvailable: () => Promise<boolean> }).isConditionalMediationAvailable =
        async () => false;
    });
    await page.goto(`${baseUrl}/sign-in`);
    const passkeyButton = page.getByRole("button", { name: "Sign in with a passkey" });
    await expect.poll(() => passkeyButton.isEnabled(), { timeout: 10_000 }).toBe(true);
    await expectAccessible(page);
    expect(page.url()).toBe(`${baseUrl}/sign-in`);
    await passkeyButton.click();
    await page.waitForURL(`${baseUrl}/client`, { timeout: 15_000 });
    await expect.poll(() => heading(page)).toBe("Client portal");
    await expectCookieSession(page, context);

    await page.goto(`${baseUrl}/settings/security`);
    await expect.poll(() => page.getByText(/last used/).count()).toBe(1);
    expect(await page.getByText("Signed in (passkey)").count()).toBe(2);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

/** The same web session a password sign-in starts: an HttpOnly cookie, no token handed to the page. */
async function expectCookieSession(page: Page, context: BrowserContext) {
  expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("megilance_session");
  const me = await page.evaluate(async () => (await fetch("/api/auth/me")).status);
  expect(me).toBe(200);
}
