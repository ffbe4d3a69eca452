/**
 * The people of the browser journeys: the demo accounts, accounts a journey registers for itself, and signing in
 * through the sign-in form the way a person does. Each step is written once here, so a change to the sign-in page
 * or to registration is followed in one place. (Signing in from the landing page's header, by clicks alone, is
 * `signIn` in clicks.ts, which fills the same form with `submitSignIn`.)
 */
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, inject } from "vitest";
import * as schema from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed/demo-accounts";

export { DEMO_PASSWORD };

/** The password of every account a journey registers for itself. */
export const NEW_PASSWORD = "a sturdy passphrase 42";

const baseUrl = inject("baseUrl");

/** Fills in the sign-in form the page shows and sends it; the caller waits for where it leads. */
export async function submitSignIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export interface SignInOptions {
  /** The account's password; the demo accounts' by default. */
  password?: string;
  /** The sign-in page's `redirectTo`: the person lands there. */
  redirectTo?: string;
  /** Where the person lands without `redirectTo` (their portal). Without either, anywhere but the sign-in page. */
  landsOn?: string;
}

/** Opens the sign-in page in `page`, signs in as `email`, and waits until the person has landed. */
export async function signInOn(page: Page, email: string, options: SignInOptions = {}): Promise<void> {
  const query = options.redirectTo === undefined ? "" : `?redirectTo=${encodeURIComponent(options.redirectTo)}`;
  await page.goto(`${baseUrl}/sign-in${query}`);
  await submitSignIn(page, email, options.password);
  const landing = options.landsOn ?? options.redirectTo;
  if (landing === undefined) await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  else await page.waitForURL(`${baseUrl}${landing}`);
}

export interface SignedInOptions extends SignInOptions {
  /** The window's width; it is 900 px high. 1100 px unless given. */
  width?: number;
  /** Options of the new browser context (a `viewport` here replaces the one `width` makes). */
  context?: BrowserContextOptions;
  /** The dark theme (its cookie is set before the first page opens). */
  theme?: "light" | "dark";
  /** Runs on the new context before its first page opens (init scripts, bookkeeping). */
  prepare?: (context: BrowserContext) => void | Promise<void>;
}

/** Someone who can sign in: a demo account's email address, or an account a journey registered. */
export type Who = string | { email: string; password: string };

/** A new browser context signed in through the sign-in form, and its page, landed. */
export async function signedIn(
  browser: Browser,
  who: Who,
  options: SignedInOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const [email, password] = typeof who === "string" ? [who, options.password] : [who.email, options.password ?? who.password];
  const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 }, ...options.context });
  if (options.theme === "dark") await context.addCookies([{ name: "theme", value: "dark", url: baseUrl }]);
  await options.prepare?.(context);
  const page = await context.newPage();
  await signInOn(page, email, { ...options, password });
  return { context, page };
}

/**
 * A newly registered account (`NEW_PASSWORD`) with its email address already confirmed, so a journey can work with
 * people of its own and leave the demo accounts' conversations and contracts as other journeys expect them.
 */
export async function registered(role: "client" | "freelancer", name: string): Promise<{ email: string; password: string; id: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: NEW_PASSWORD, name, role }),
  });
  expect(res.status).toBe(201);
  const client = createClient({ url: inject("stackDatabaseUrl") });
  try {
    const db = drizzle(client, { schema });
    const [user] = await db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.email, email)).returning();
    return { email, password: NEW_PASSWORD, id: user.id };
  } finally {
    client.close();
  }
}
