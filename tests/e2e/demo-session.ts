import type { Locator, Page } from "playwright-core";

/** Setup only: a JSON API call made with the page's own session (GET without a body, POST with one). */
export function apiFromPage<T = any>(page: Page, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([path, body]) => {
      const res = await fetch(path as string, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    [path, body] as const,
  ) as Promise<T>;
}

/** Console errors other than the browser's own line for a 4xx answer a test provoked on purpose. */
export const unexpectedErrors = (errors: string[]) =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

/**
 * Waits until the page (a Remix app) is interactive, so a click reaches the enhanced form and typed text stays: the
 * router exists before React has hydrated (a transition, in chunks), so it waits for the root's mark of a committed
 * hydration too.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(
    () =>
      Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter) && document.documentElement.dataset.interactive === "true",
  );
}

/**
 * A step that moves money or cannot be undone: once the page is interactive, the button opens a dialog naming what
 * happens, and only the dialog's own button (`confirm`, by default the same words) does it. `within` picks the
 * button's part of the page when several parts have one (a wallet's balance per currency).
 */
export async function confirmedClick(page: Page, button: string, confirm = button, within: Page | Locator = page): Promise<void> {
  await hydrated(page);
  await within.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: confirm, exact: true }).click();
}
