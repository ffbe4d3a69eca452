import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { registered, signedIn } from "./people";

const baseUrl = inject("baseUrl");
/** Chromium's synthetic camera and microphone, granted without a prompt; media may play before a click. */
const FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];

const browser = browserForThisFile(FAKE_MEDIA);

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

/** A contract made the marketplace's way: the client posts, the freelancer proposes, the client accepts. */
async function contractBetween(client: Page, freelancer: Page): Promise<string> {
  const { project } = await json<{ project: { id: string } }>(client, "/api/projects", {
    title: `Talk through the launch plan ${Date.now()}`,
    description: "We want to walk through our launch plan on a video call with the freelancer before the work starts.",
    category: "web-development",
    skills: ["React", "TypeScript"],
    budgetType: "fixed",
    budgetMin: 100_000,
    budgetMax: 250_000,
    currency: "USD",
  });
  const words = "launch plan schedule review audit metrics budget rollout feedback testing content".split(" ");
  const letter = Array.from({ length: 28 }, () => words[Math.floor(Math.random() * words.length)]).join(" ");
  const { proposal } = await json<{ proposal: { id: string } }>(freelancer, `/api/projects/${project.id}/proposals`, {
    coverLetter: `Hello, happy to go through it together on a call. ${letter}. Reference ${crypto.randomUUID()}.`,
    bidAmount: 150_000,
    estimatedDays: 10,
  });
  const { contract } = await json<{ contract: { id: string } }>(client, `/api/proposals/${proposal.id}/accept`, {});
  return contract.id;
}

/**
 * Frames the page has decoded from the other side's video track: counts requestVideoFrameCallback calls on
 * the remote <video> (installed once), after checking that its stream carries a live video track.
 */
function remoteFramesDecoded(page: Page): Promise<number> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>("video[data-peer]");
    const stream = video?.srcObject as MediaStream | null;
    const track = stream?.getVideoTracks()[0];
    if (!video || !track || track.readyState !== "live") return 0;
    const counted = video as HTMLVideoElement & { framesSeen?: number };
    if (counted.framesSeen === undefined) {
      counted.framesSeen = 0;
      const count = () => {
        counted.framesSeen = (counted.framesSeen ?? 0) + 1;
        video.requestVideoFrameCallback(count);
      };
      video.requestVideoFrameCallback(count);
    }
    return counted.framesSeen;
  });
}

const status = (page: Page) => page.getByRole("status").filter({ hasNotText: /^$/ }).first();

describe("video calls in the browser", () => {
  it("a client calls a freelancer from the conversation; both see the other's video, then the history shows the call", async () => {
    const client = await signedIn(browser, "client@demo.test", { redirectTo: "/messages" });
    const freelancer = await signedIn(browser, "freelancer@demo.test", { redirectTo: "/messages" });
    const clientWatch = watchConsoleErrors(client.page);
    const freelancerWatch = watchConsoleErrors(freelancer.page);
    const me = await json<{ user: { id: string } }>(freelancer.page, "/api/auth/me");
    const { conversation } = await json<{ conversation: { id: string } }>(client.page, "/api/conversations", { participantId: me.user.id });

    await client.page.goto(`${baseUrl}/messages/${conversation.id}`);
    // The freelancer stays on the conversation list; the ring reaches any portal page through its live socket.
    await freelancer.page.waitForLoadState("networkidle");
    await client.page.getByRole("button", { name: "Start call" }).click();
    await client.page.waitForURL(/\/calls\/[0-9A-Za-z]+$/);
    const callPath = new URL(client.page.url()).pathname;
    await expect.poll(() => client.page.getByText("Ringing…").count(), { timeout: 15_000 }).toBe(1);

    const banner = freelancer.page.getByRole("region", { name: "Incoming video call from Casey Client" });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(freelancer.page);
    await banner.getByRole("button", { name: "Accept" }).click();
    await freelancer.page.waitForURL(`${baseUrl}${callPath}`);

    // Each side decodes frames of the other's camera (the fake device's moving pattern).
    await expect.poll(() => remoteFramesDecoded(client.page), { timeout: 30_000 }).toBeGreaterThan(15);
    await expect.poll(() => remoteFramesDecoded(freelancer.page), { timeout: 30_000 }).toBeGreaterThan(15);
    const participants = (page: Page) => page.getByRole("region", { name: "Participants" });
    await expect.poll(() => participants(client.page).textContent()).toContain("Frankie Freelancer — connected");
    await expect.poll(() => participants(freelancer.page).textContent()).toContain("Casey Client — connected");
    expect(await status(client.page).textContent()).toBe("Connected");

    await client.page.getByRole("button", { name: "Mute" }).click();
    await expect.poll(() => participants(freelancer.page).textContent()).toContain("Casey Client — connected, muted");
    expect(await client.page.getByRole("button", { name: "Unmute" }).getAttribute("aria-pressed")).toBe("true");

    // Screen share swaps the outgoing video in place: the other side keeps decoding frames and sees the flag.
    await client.page.getByRole("button", { name: "Share screen" }).click();
    await expect.poll(() => participants(freelancer.page).textContent()).toContain("Casey Client — connected, muted, sharing screen");
    const before = await remoteFramesDecoded(freelancer.page);
    await expect.poll(() => remoteFramesDecoded(freelancer.page)).toBeGreaterThan(before + 10);
    await client.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(() => participants(freelancer.page).textContent()).toMatch(/Casey Client — connected, muted$/m);
    await expectAccessible(client.page);

    await client.page.getByRole("button", { name: "End call" }).click();
    await expect.poll(() => client.page.getByText(/^Call ended after \d+ s\.$/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => freelancer.page.getByText(/^Call ended after \d+ s\.$/).count(), { timeout: 15_000 }).toBe(1);

    await freelancer.page.getByRole("link", { name: "Back to the conversation" }).click();
    await freelancer.page.waitForURL(`${baseUrl}/messages/${conversation.id}`);
    const history = freelancer.page.getByRole("region", { name: "Calls" });
    await expect.poll(() => history.textContent()).toMatch(/Video call, \d+ s \(started by Casey Client\)/);
    await expectAccessible(freelancer.page);

    expect(clientWatch.errors).toEqual([]);
    expect(freelancerWatch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  }, 120_000);

  it("a freelancer on a phone in dark theme calls from a contract; the client declines from the banner", async () => {
    const client = await signedIn(browser, await registered("client", "Cleo Client"), { redirectTo: "/messages" });
    const freelancer = await signedIn(browser, await registered("freelancer", "Finn Freelancer"), {
      redirectTo: "/messages",
      theme: "dark",
      context: { viewport: { width: 375, height: 800 } },
    });
    const freelancerWatch = watchConsoleErrors(freelancer.page);
    const contractId = await contractBetween(client.page, freelancer.page);
    await client.page.waitForLoadState("networkidle");

    await freelancer.page.goto(`${baseUrl}/contracts/${contractId}`);
    await freelancer.page.getByRole("button", { name: "Start call" }).click();
    await freelancer.page.waitForURL(/\/calls\/[0-9A-Za-z]+$/);
    await expect.poll(() => freelancer.page.getByText("Ringing…").count(), { timeout: 15_000 }).toBe(1);
    // The caller already sees their own camera while it rings.
    await expect.poll(() => freelancer.page.getByRole("region", { name: "Participants" }).textContent()).toContain("Finn Freelancer (you)");
    expect(await freelancer.page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    expect(await freelancer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(freelancer.page);

    const banner = client.page.getByRole("region", { name: "Incoming video call from Finn Freelancer" });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    await banner.getByRole("button", { name: "Decline" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => freelancer.page.getByText("The call was declined.").count(), { timeout: 15_000 }).toBe(1);
    expect(await freelancer.page.getByRole("button", { name: "End call" }).count()).toBe(0);

    const callId = new URL(freelancer.page.url()).pathname.split("/").pop();
    const { call } = await json<{ call: { status: string; contractId: string; durationSeconds: number | null } }>(
      client.page,
      `/api/calls/${callId}`,
    );
    expect(call).toMatchObject({ status: "declined", contractId, durationSeconds: null });
    expect(freelancerWatch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  }, 120_000);
});
