/**
 * A breadth-first crawl of every same-origin page a person can reach by clicking: links, search forms (GET) and
 * forms that lead to a link (a notification's "Open"). Each page is checked for its status, uncaught errors,
 * console errors and sideways scrolling at phone width; a sample is checked with axe-core.
 */
import { injectAxe } from "./browser";
import type { BrowserContext, Page } from "playwright-core";

export const PHONE_WIDTH_PX = 390;
const ID_SEGMENT = /^(?:[0-9A-HJKMNP-TV-Z]{20,}|[0-9a-f]{16,}|[a-z0-9]{32,}|\d+)$/;
/** Query values that are free text, ids or positions: any value stands for all of them. */
const OPAQUE_PARAMS = new Set(["cursor", "q", "to", "redirectTo", "from", "until", "page", "after", "before", "skills", "week"]);

export interface CrawlOptions {
  baseUrl: string;
  context: BrowserContext;
  /** Where the crawl starts (a path). */
  start: string;
  /** Hard cap, so a new kind of link can never make the crawl run away. */
  maxPages: number;
  /** How many variants of one route (same path pattern, other query values) to visit. */
  variantsPerRoute: number;
  /** Every n-th rendered page also gets an axe-core check (the first page always does). */
  axeEvery: number;
}

export interface CrawlReport {
  visited: string[];
  failures: string[];
  axeChecked: number;
  /** Non-page answers (downloads, JSON) whose status was checked without rendering. */
  checkedByStatus: number;
  skipped: Map<string, string>;
}

/** Why a same-origin address is not followed, or null to follow it. */
export function skipReason(url: URL): string | null {
  const path = url.pathname;
  // Signing out would end the crawl's own session.
  if (path === "/sign-out") return "signs out";
  // Single-use links from mails (confirm e-mail, reset password) belong to their recipients: following one as
  // another person would spend it.
  if (url.searchParams.has("token")) return "single-use token from a mail";
  // OAuth starts leave for the provider (none is configured in this stack).
  if (path.startsWith("/auth/")) return "leaves for an OAuth provider";
  return null;
}

/** The route a URL belongs to: ids and handles become placeholders, free-text query values are dropped. */
export function routePattern(url: URL): { route: string; variant: string } {
  const segments = url.pathname.split("/").map((s, i, all) => (ID_SEGMENT.test(s) || (all[i - 1] === "f" && i === 2) ? ":id" : s));
  const route = segments.join("/") || "/";
  // An empty filter is no filter, and `index` only tells Remix which route a form posts to.
  const keys = [...new Set([...url.searchParams].filter(([k, v]) => v !== "" && k !== "index").map(([k]) => k))].sort();
  const variant = keys
    .map((k) => (OPAQUE_PARAMS.has(k) || ID_SEGMENT.test(url.searchParams.get(k) ?? "") ? k : `${k}=${url.searchParams.get(k)}`))
    .join("&");
  return { route: keys.length ? `${route}?${keys.join("&")}` : route, variant };
}

interface Found {
  links: string[];
  /** Links in a mail shown in the outbox: they are the recipient's, not the admin's. */
  mailLinks: string[];
  getForms: string[];
  linkForms: Array<{ action: string; fields: Record<string, string> }>;
}

/** Everything on the page that leads somewhere by a click. */
async function collect(page: Page): Promise<Found> {
  return page.evaluate(() => {
    // The app links with paths; a full address to our own origin is written by a person or a mail (a message,
    // the outbox), and in the outbox it is the recipient's link, not the reader's.
    const inOutbox = /^\/admin\/mail\/[^/]+$/.test(location.pathname);
    const anchors = [...document.querySelectorAll<HTMLAnchorElement>("a[href]")].filter((a) => !a.hasAttribute("download"));
    const links = anchors.filter((a) => !(inOutbox && /^https?:/.test(a.getAttribute("href") ?? ""))).map((a) => a.href);
    const mailLinks = anchors.filter((a) => inOutbox && /^https?:/.test(a.getAttribute("href") ?? "")).map((a) => a.href);
    const getForms: string[] = [];
    const linkForms: Array<{ action: string; fields: Record<string, string> }> = [];
    for (const form of document.querySelectorAll<HTMLFormElement>("form")) {
      const method = (form.getAttribute("method") ?? "get").toLowerCase();
      const data = new FormData(form);
      if (method === "get") {
        const target = new URL(form.action);
        for (const [key, value] of data) if (typeof value === "string") target.searchParams.append(key, value);
        getForms.push(target.href);
      } else if (form.querySelector('input[type="hidden"][name="link"]')) {
        // A form that leads to its hidden `link` (a notification's "Open"): submitted with its own button's intent.
        // (A form where a person types a link, such as a portfolio item's, is not one.)
        const button = form.querySelector<HTMLButtonElement>("button[name]");
        const fields: Record<string, string> = {};
        for (const [key, value] of data) if (typeof value === "string") fields[key] = value;
        if (button) fields[button.name] = button.value;
        linkForms.push({ action: form.action, fields });
      }
    }
    return { links, mailLinks, getForms, linkForms };
  });
}

/** Crawls from `start`; never throws for a bad page, it reports it. */
export async function crawl(options: CrawlOptions): Promise<CrawlReport> {
  const origin = new URL(options.baseUrl).origin;
  const report: CrawlReport = { visited: [], failures: [], axeChecked: 0, checkedByStatus: 0, skipped: new Map() };
  const routes = new Map<string, Set<string>>();
  const queue: Array<{ url: string; from: string }> = [];
  const enqueue = (href: string, from: string) => {
    let url: URL;
    try {
      url = new URL(href, options.baseUrl);
    } catch {
      report.failures.push(`${from}: unparsable link ${href}`);
      return;
    }
    if (url.origin !== origin) return;
    url.hash = "";
    const reason = skipReason(url);
    if (reason) {
      report.skipped.set(url.pathname, reason);
      return;
    }
    const { route, variant } = routePattern(url);
    const variants = routes.get(route) ?? routes.set(route, new Set()).get(route)!;
    if (variants.has(variant) || variants.size >= options.variantsPerRoute) return;
    variants.add(variant);
    queue.push({ url: url.href, from });
  };

  const page = await options.context.newPage();
  await page.setViewportSize({ width: PHONE_WIDTH_PX, height: 844 });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url || "no source"})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));

  enqueue(options.start, "(start)");
  let rendered = 0;
  while (queue.length > 0 && report.visited.length < options.maxPages) {
    const { url, from } = queue.shift()!;
    const where = `${url.replace(origin, "")} (linked from ${from.replace(origin, "")})`;
    problems.length = 0;
    report.visited.push(url);
    let response;
    try {
      response = await page.goto(url, { waitUntil: "load" });
    } catch (error) {
      if (!String(error).includes("Download is starting")) {
        report.failures.push(`${where}: navigation failed: ${String(error).split("\n")[0]}`);
        continue;
      }
      // A download: its answer is checked without rendering.
      const answer = await options.context.request.get(url, { maxRedirects: 0 });
      report.checkedByStatus++;
      if (answer.status() >= 400) report.failures.push(`${where}: download answered ${answer.status()}`);
      continue;
    }
    const status = response?.status() ?? 0;
    if (status >= 400) report.failures.push(`${where}: answered ${status}`);
    const type = response?.headers()["content-type"] ?? "";
    if (!type.includes("text/html")) {
      report.checkedByStatus++;
      continue;
    }
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE_WIDTH_PX) report.failures.push(`${where}: ${width} px wide at ${PHONE_WIDTH_PX} px`);
    if (rendered++ % options.axeEvery === 0) {
      report.axeChecked++;
      for (const violation of await axeViolations(page)) report.failures.push(`${where}: axe ${violation}`);
    }
    for (const problem of problems) report.failures.push(`${where}: ${problem}`);
    const found = await collect(page);
    const here = page.url();
    for (const href of [...found.links, ...found.getForms]) enqueue(href, here);
    for (const href of found.mailLinks) report.skipped.set(new URL(href).pathname, "a mail's link, for its recipient");
    for (const form of found.linkForms) {
      const answer = await options.context.request.post(form.action, { form: form.fields, maxRedirects: 0, headers: { Origin: origin } });
      const location = answer.headers()["location"];
      if (answer.status() >= 300 && answer.status() < 400 && location) enqueue(location, `${here} (form)`);
      else report.failures.push(`${where}: a form leading to ${form.fields.link} answered ${answer.status()} without a redirect`);
    }
  }
  await page.close();
  if (queue.length > 0) report.failures.push(`stopped at ${options.maxPages} pages with ${queue.length} still queued`);
  return report;
}

/** Waits until the page has hydrated and its effects ran: the browser's main thread has nothing left to do. */
async function settled(page: Page): Promise<void> {
  // Two idle periods: hydration runs in chunks, and its effects may queue more work. (A string, so no bundler
  // helper sneaks into the page.)
  await page.evaluate(
    "new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(), { timeout: 2000 }), { timeout: 2000 }))",
  );
}

/** Serious and critical axe-core violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  });
}
