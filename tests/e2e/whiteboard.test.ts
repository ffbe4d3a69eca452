import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { signedIn } from "./people";

const baseUrl = inject("baseUrl");

const browser = browserForThisFile();

/** A failed test must not leave its users online for the next one. */
const opened: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close().catch(() => undefined)));
});
const closedAfterTheTest = (context: BrowserContext) => void opened.push(context);

async function json<T>(page: Page, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([path, body]) => {
      const res = await fetch(path as string, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, body] as const,
  );
  expect(result.status, `${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

/** A unique cover letter: proposals that repeat another's wording are refused. */
function coverLetter(): string {
  const words = "layout canvas sketch review prototype feedback colours grid typography wireframe handoff iteration".split(" ");
  const picked = Array.from({ length: 28 }, () => words[Math.floor(Math.random() * words.length)]);
  return `Hello, I would start with a shared sketch of the screens. ${picked.join(" ")}. Reference ${crypto.randomUUID()}.`;
}

/** The way the marketplace makes a contract: the client posts, the freelancer proposes, the client accepts. */
async function contractBetween(client: Page, freelancer: Page): Promise<string> {
  const { project } = await json<{ project: { id: string } }>(client, "/api/projects", {
    title: `Sketch the onboarding screens ${Date.now()}`,
    description: "We want the onboarding flow of our mobile app sketched with us on a shared board before design starts.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 100_000,
    budgetMax: 250_000,
    currency: "USD",
  });
  const { proposal } = await json<{ proposal: { id: string } }>(freelancer, `/api/projects/${project.id}/proposals`, {
    coverLetter: coverLetter(),
    bidAmount: 150_000,
    estimatedDays: 10,
  });
  const { contract } = await json<{ contract: { id: string } }>(client, `/api/proposals/${proposal.id}/accept`, {});
  return contract.id;
}

const boardStatus = (page: Page) => page.getByRole("status").filter({ hasText: "on the board" });
const shapeCount = async (page: Page) => Number((await boardStatus(page).textContent())?.match(/(\d+) shapes? on the board/)?.[1] ?? -1);
const connected = (page: Page) =>
  expect.poll(() => boardStatus(page).textContent(), { timeout: 15_000 }).toMatch(/^Connected(?! \(loading)/);

/** Drags the pointer across the board between two points given as fractions of its size. */
async function drag(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByRole("img", { name: /^Shared whiteboard/ }).boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) {
    const f: [number, number] = [from[0] + ((to[0] - from[0]) * step) / 8, from[1] + ((to[1] - from[1]) * step) / 8];
    await page.mouse.move(...at(f));
  }
  await page.mouse.up();
}

/** Whether the board's canvas has ink (anything but white paper) at a point given as fractions of its size. */
function inkAt(page: Page, fx: number, fy: number): Promise<boolean> {
  return page.getByRole("img", { name: /^Shared whiteboard/ }).evaluate(
    (canvas: HTMLCanvasElement, [fx, fy]) => {
      const context = canvas.getContext("2d")!;
      const [x, y] = [Math.round(canvas.width * fx), Math.round(canvas.height * fy)];
      const pixels = context.getImageData(x - 3, y - 3, 7, 7).data;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) return true;
      return false;
    },
    [fx, fy] as const,
  );
}

describe("the contract whiteboard in the browser", () => {
  it("client and freelancer draw together, see each other live, undo their own work, and the board comes back after both leave", async () => {
    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/messages", prepare: closedAfterTheTest });
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/messages", prepare: closedAfterTheTest });
    const clientWatch = watchConsoleErrors(client.page);
    const freelancerWatch = watchConsoleErrors(freelancer.page);

    // The header bell counts the new-proposal notification live, while the client's page stays open.
    const bell = client.page.getByRole("banner").getByRole("link", { name: /^Notifications/ });
    const unreadBefore = Number((await bell.getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1] ?? 0);
    const contractId = await contractBetween(client.page, freelancer.page);
    await expect.poll(() => bell.getAttribute("aria-label"), { timeout: 15_000 }).toBe(`Notifications, ${unreadBefore + 1} unread`);

    await client.page.goto(`${baseUrl}/contracts/${contractId}`);
    await client.page.getByRole("link", { name: "Open the whiteboard" }).click();
    await client.page.waitForURL(`${baseUrl}/contracts/${contractId}/whiteboard`);
    await freelancer.page.goto(`${baseUrl}/contracts/${contractId}/whiteboard`);
    await connected(client.page);
    await connected(freelancer.page);
    expect(await shapeCount(client.page)).toBe(0);

    // The client draws a freehand stroke across the top; the freelancer a rectangle lower down.
    await drag(client.page, [0.1, 0.2], [0.5, 0.2]);
    await freelancer.page.getByRole("button", { name: "Rectangle" }).click();
    await drag(freelancer.page, [0.2, 0.5], [0.6, 0.8]);
    for (const page of [client.page, freelancer.page]) await expect.poll(() => shapeCount(page)).toBe(2);
    await expect.poll(() => inkAt(freelancer.page, 0.3, 0.2)).toBe(true);
    await expect.poll(() => inkAt(client.page, 0.2, 0.65)).toBe(true);
    expect(await inkAt(client.page, 0.9, 0.9)).toBe(false);
    // Each sees the other's cursor, named.
    const box = (await client.page.getByRole("img", { name: /^Shared whiteboard/ }).boundingBox())!;
    await client.page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.4, { steps: 5 });
    await expect.poll(() => boardStatus(freelancer.page).textContent()).toContain("also here: Casey Client");

    // Undo takes back only the client's own stroke, for both; redo brings it back.
    await client.page.getByRole("button", { name: "Undo" }).click();
    for (const page of [client.page, freelancer.page]) await expect.poll(() => shapeCount(page)).toBe(1);
    await expect.poll(() => inkAt(freelancer.page, 0.3, 0.2)).toBe(false);
    expect(await inkAt(freelancer.page, 0.2, 0.65)).toBe(true);
    await client.page.getByRole("button", { name: "Redo" }).click();
    for (const page of [client.page, freelancer.page]) await expect.poll(() => shapeCount(page)).toBe(2);

    // Text with another colour, and the eraser removing the rectangle.
    await freelancer.page.getByRole("button", { name: "Text" }).click();
    await freelancer.page.getByLabel("Text to place").fill("Login screen");
    await freelancer.page.getByLabel("Colour").fill("#dc2626");
    await drag(freelancer.page, [0.7, 0.3], [0.7, 0.3]);
    await freelancer.page.getByRole("button", { name: "Eraser" }).click();
    await drag(freelancer.page, [0.19, 0.6], [0.22, 0.6]);
    for (const page of [client.page, freelancer.page]) await expect.poll(() => shapeCount(page)).toBe(2);
    await expect.poll(() => inkAt(client.page, 0.2, 0.65)).toBe(false);

    const download = client.page.waitForEvent("download");
    await client.page.getByRole("button", { name: "Export PNG" }).click();
    expect((await download).suggestedFilename()).toMatch(/^whiteboard-.*\.png$/);

    await expectAccessible(client.page);
    expect(clientWatch.errors).toEqual([]);
    expect(freelancerWatch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();

    // Nobody is on the board any more; the next visit restores it, on a phone-sized screen in the dark theme.
    const later = await signedIn(browser, "freelancer@demo.test", {
      redirectTo: "/messages",
      prepare: closedAfterTheTest,
      context: { viewport: { width: 375, height: 800 }, colorScheme: "dark" },
    });
    await later.page.goto(`${baseUrl}/contracts/${contractId}/whiteboard`);
    await connected(later.page);
    await expect.poll(() => shapeCount(later.page)).toBe(2);
    await expect.poll(() => inkAt(later.page, 0.3, 0.2)).toBe(true);
    await expect.poll(() => inkAt(later.page, 0.2, 0.65)).toBe(false);
    await expectAccessible(later.page);
    await later.context.close();
  }, 150_000);

  it("a presence dot turns online when the other person connects, and offline with a last-seen time when they leave", async () => {
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/messages", prepare: closedAfterTheTest });
    const watch = watchConsoleErrors(freelancer.page);
    const { user: me } = await json<{ user: { id: string } }>(freelancer.page, "/api/auth/me");
    const first = await signedIn(browser, "client@demo.test", { redirectTo: "/messages", prepare: closedAfterTheTest });
    const { conversation } = await json<{ conversation: { id: string } }>(first.page, "/api/conversations", { participantId: me.id });
    await first.context.close();

    await freelancer.page.goto(`${baseUrl}/messages/${conversation.id}`);
    const dot = (text: RegExp) => freelancer.page.getByRole("main").getByTitle(text);
    await expect.poll(() => dot(/^Offline, last seen/).count(), { timeout: 15_000 }).toBe(1);

    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/messages", prepare: closedAfterTheTest });
    await expect.poll(() => dot(/^Online$/).count(), { timeout: 15_000 }).toBe(1);
    await client.context.close();
    await expect.poll(() => dot(/^Offline, last seen just now$/).count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(freelancer.page);
    expect(watch.errors).toEqual([]);
    await freelancer.context.close();
  }, 90_000);
});
