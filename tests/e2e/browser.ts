import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { CHROMIUM_PATH } from "../../scripts/ensure-chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/**
 * The test file's one Chromium, launched before its first test and closed after its last. Call it once at the top
 * of the file (`const browser = browserForThisFile()`) and use the result as the browser in tests and hooks; before
 * the launch it throws, naming the mistake.
 */
export function browserForThisFile(extraArgs: string[] = []): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await launched?.close();
  });
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!launched) throw new Error("The file's browser starts before its first test: use it inside a test or a hook.");
      const value: unknown = Reflect.get(launched, key, launched);
      return typeof value === "function" ? value.bind(launched) : value;
    },
  });
}

/** Fails the test on any console error the page logs, unless the test says it expects one. */
export function watchConsoleErrors(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { errors };
}

const AXE_PATH = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

/**
 * Loads axe-core into the page through the DevTools protocol rather than a script tag, so that a page whose
 * Content Security Policy allows only its own nonce'd scripts (the API reference) can be checked too.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(readFileSync(AXE_PATH, "utf8"));
}

/** No `serious` or `critical` axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact as string, targets: v.nodes.map((n: any) => n.target.join(" ")) }));
  });
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}
