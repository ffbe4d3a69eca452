import { createClient } from "@libsql/client";
import { inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import type { CallsRequest } from "../setup/calls-media-stand-in";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { registered, signedIn } from "./people";

const baseUrl = inject("baseUrl");
const callsUrl = inject("callsMediaUrl");
const dbClient = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(dbClient, { schema });
/** Chromium's synthetic camera and microphone, granted without a prompt; media may play before a click. */
const FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];

const browser = browserForThisFile(FAKE_MEDIA);

afterAll(() => {
  dbClient.close();
});

/**
 * Records the page's RTCPeerConnections (window.connections), so the test can see which connections carry the
 * call: browser-to-browser links, or the one connection to Cloudflare Calls.
 */
async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const connections: RTCPeerConnection[] = [];
    (window as unknown as { connections: RTCPeerConnection[] }).connections = connections;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        connections.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([path, body]) => {
      const res = await fetch(path as string, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, body] as const,
  );
  expect(result.status, `${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  return result.body as T;
}

/**
 * Frames decoded so far by each remote <video> on the page, by its label (counted with
 * requestVideoFrameCallback, installed once per element; 0 while it has no live video track).
 */
function framesByPeer(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const video of document.querySelectorAll<HTMLVideoElement>("video[data-peer]")) {
      const track = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
      const counted = video as HTMLVideoElement & { framesSeen?: number };
      if (counted.framesSeen === undefined && track?.readyState === "live") {
        counted.framesSeen = 0;
        const count = () => {
          counted.framesSeen = (counted.framesSeen ?? 0) + 1;
          video.requestVideoFrameCallback(count);
        };
        video.requestVideoFrameCallback(count);
      }
      counts[video.getAttribute("aria-label") ?? "?"] = counted.framesSeen ?? 0;
    }
    return counts;
  });
}

/** The page's RTCPeerConnections that are still open, with the SDP origin line of their remote side. */
function openConnections(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { connections: RTCPeerConnection[] }).connections
      .filter((pc) => pc.connectionState !== "closed")
      .map((pc) => pc.remoteDescription?.sdp.split("\r\n").find((line) => line.startsWith("o=")) ?? "none"),
  );
}

async function standIn(): Promise<{ requests: CallsRequest[]; forwarded: Record<string, number> }> {
  return (await fetch(`${callsUrl}/__requests`)).json() as Promise<{ requests: CallsRequest[]; forwarded: Record<string, number> }>;
}

const participants = (page: Page) => page.getByRole("region", { name: "Participants" });

describe("group video calls through Cloudflare Calls", () => {
  it("a two-person call grows to three: everyone moves to Calls and sees the other two's video", async () => {
    const ana = await registered("client", "Ana Organiser");
    const ben = await registered("freelancer", "Ben Builder");
    const cleo = await registered("freelancer", "Cleo Coder");
    const a = await signedIn(browser, ana, { redirectTo: "/messages", prepare: recordPeerConnections });
    const b = await signedIn(browser, ben, { redirectTo: "/messages", prepare: recordPeerConnections });
    const c = await signedIn(browser, cleo, {
      redirectTo: "/messages",
      prepare: recordPeerConnections,
      theme: "dark",
      context: { viewport: { width: 375, height: 800 } },
    });
    const watches = [a, b, c].map(({ page }) => watchConsoleErrors(page));
    // Ana has a conversation with each of them; Ben and Cleo do not know each other.
    const { conversation } = await post<{ conversation: { id: string } }>(a.page, "/api/conversations", { participantId: ben.id });
    await post(a.page, "/api/conversations", { participantId: cleo.id });

    await a.page.goto(`${baseUrl}/messages/${conversation.id}`);
    await b.page.waitForLoadState("networkidle");
    await c.page.waitForLoadState("networkidle");
    await a.page.getByRole("button", { name: "Start call" }).click();
    await a.page.waitForURL(/\/calls\/[0-9A-Za-z]+$/);
    const callPath = new URL(a.page.url()).pathname;
    const callId = callPath.split("/").pop()!;
    const bBanner = b.page.getByRole("region", { name: "Incoming video call from Ana Organiser" });
    await expect.poll(() => bBanner.count(), { timeout: 15_000 }).toBe(1);
    await bBanner.getByRole("button", { name: "Accept" }).click();
    await b.page.waitForURL(`${baseUrl}${callPath}`);

    // Two people: browser to browser, no Calls session yet.
    await expect.poll(() => participants(a.page).textContent(), { timeout: 30_000 }).toContain("Ben Builder — connected");
    expect((await standIn()).requests.filter((r) => r.endpoint === "sessions/new")).toEqual([]);

    // Ana adds Cleo from her conversations (searchable); Cleo's tab rings on the phone.
    await a.page.getByRole("button", { name: "Add person" }).click();
    await a.page.getByLabel("Search your conversations").fill("cleo");
    const add = a.page.getByRole("button", { name: "Add Cleo Coder" });
    await expect.poll(() => add.count(), { timeout: 10_000 }).toBe(1);
    expect(await a.page.getByRole("list", { name: "People you can add" }).textContent()).not.toContain("Ben Builder");
    await expectAccessible(a.page);
    await add.click();
    await expect.poll(() => a.page.getByText("Ringing Cleo Coder…").count()).toBe(1);
    const cBanner = c.page.getByRole("region", { name: "Incoming video call from Ana Organiser" });
    await expect.poll(() => cBanner.count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(c.page);
    await cBanner.getByRole("button", { name: "Accept" }).click();
    await c.page.waitForURL(`${baseUrl}${callPath}`);

    // Every page now receives the other two through Calls: frames keep decoding on both remote videos...
    const pages = { "Ana Organiser": a.page, "Ben Builder": b.page, "Cleo Coder": c.page };
    for (const [name, page] of Object.entries(pages)) {
      const others = Object.keys(pages).filter((n) => n !== name);
      await expect.poll(() => participants(page).textContent(), { timeout: 45_000 }).toMatch(new RegExp(`${others[0]} — connected`));
      await expect.poll(() => participants(page).textContent(), { timeout: 45_000 }).toMatch(new RegExp(`${others[1]} — connected`));
      const start = await framesByPeer(page);
      await expect
        .poll(
          async () => {
            const now = await framesByPeer(page);
            return others.every((other) => (now[`${other}'s video`] ?? 0) - (start[`${other}'s video`] ?? 0) > 15);
          },
          // Three pages decode two videos each: on a busy two-core machine the first frames can take long to come.
          { timeout: 60_000, message: `${name} decodes both others' video` },
        )
        .toBe(true);
      // ...over a single connection, to the Calls stand-in (the browser-to-browser links are closed).
      const open = await openConnections(page);
      expect(open, name).toHaveLength(1);
      expect(open[0], name).not.toBe("none");
    }

    // The stand-in relayed media from each member's Calls session to each of the others.
    const sessions = await db
      .select()
      .from(schema.callMediaSessions)
      .where(inArray(schema.callMediaSessions.userId, [ana.id, ben.id, cleo.id]));
    expect(sessions.every((s) => s.callId === callId)).toBe(true);
    const sessionOf = (userId: string) => sessions.filter((s) => s.userId === userId).map((s) => s.sessionId);
    const { requests, forwarded } = await standIn();
    for (const from of [ana.id, ben.id, cleo.id]) {
      for (const to of [ana.id, ben.id, cleo.id]) {
        if (from === to) continue;
        const packets = sessionOf(from).flatMap((f) => sessionOf(to).map((t) => forwarded[`${f}>${t}`] ?? 0));
        expect(Math.max(...packets), `${from} to ${to}`).toBeGreaterThan(100);
      }
    }
    // Pulls name tracks that were pushed, each with its own session.
    const pushed = new Set(requests.flatMap((r) => r.pushed.map((name) => `${r.sessionId}/${name}`)));
    const pulled = requests.flatMap((r) => r.pulled);
    expect(pulled.length).toBeGreaterThanOrEqual(12);
    for (const p of pulled) expect(pushed.has(`${p.sessionId}/${p.trackName}`)).toBe(true);

    // Mute shows for everyone; Cleo's page works at phone width in dark theme.
    await b.page.getByRole("button", { name: "Mute" }).click();
    await expect.poll(() => participants(a.page).textContent()).toContain("Ben Builder — connected, muted");
    await expect.poll(() => participants(c.page).textContent()).toContain("Ben Builder — connected, muted");
    // Screen share swaps Ben's pushed video track in place: the others keep decoding it and see the flag.
    await b.page.getByRole("button", { name: "Share screen" }).click();
    await expect.poll(() => participants(a.page).textContent()).toContain("Ben Builder — connected, muted, sharing screen");
    const before = (await framesByPeer(c.page))["Ben Builder's video"] ?? 0;
    await expect
      .poll(async () => (await framesByPeer(c.page))["Ben Builder's video"] ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(before + 10);
    await b.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(() => participants(c.page).textContent()).toContain("Ben Builder — connected, muted");
    expect(await c.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(c.page);

    // Cleo hangs up: Ana and Ben carry on; then Ana ends the call for both.
    await c.page.getByRole("button", { name: "End call" }).click();
    await expect.poll(() => c.page.getByText("You left this call. The others are still talking.").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => participants(a.page).textContent(), { timeout: 15_000 }).toContain("Cleo Coder — left the call");
    await a.page.getByRole("button", { name: "End call" }).click();
    await expect.poll(() => b.page.getByText(/^Call ended after \d+ s\.$/).count(), { timeout: 15_000 }).toBe(1);

    for (const watch of watches) expect(watch.errors).toEqual([]);
    for (const { context } of [a, b, c]) await context.close();
  }, 180_000);
});
