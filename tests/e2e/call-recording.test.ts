import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import * as schema from "../../db/schema";
import { expectAccessible, browserForThisFile, watchConsoleErrors } from "./browser";
import { registered, signedIn } from "./people";

const baseUrl = inject("baseUrl");
const dbClient = createClient({ url: inject("stackDatabaseUrl") });
const db = drizzle(dbClient, { schema });
/** Chromium's synthetic camera and microphone, granted without a prompt; media may play before a click. */
const FAKE_MEDIA = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];

const browser = browserForThisFile(FAKE_MEDIA);
afterAll(() => {
  dbClient.close();
});

async function json<T>(page: Page, path: string, body: unknown): Promise<T> {
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

const recordingRegion = (page: Page) => page.getByRole("region", { name: "Recording" });

describe("call recording in the browser", () => {
  it("records a call once both agree, saves it while the call goes on, and plays it back from the conversation", async () => {
    const client = await signedIn(browser, await registered("client", "Rosa Client"));
    const freelancer = await signedIn(browser, await registered("freelancer", "Theo Freelancer"));
    const watches = [watchConsoleErrors(client.page), watchConsoleErrors(freelancer.page)];
    const { project } = await json<{ project: { id: string } }>(client.page, "/api/projects", {
      title: `Record our kick-off ${Date.now()}`,
      description: "We want to record the kick-off call with the freelancer so the rest of the team can listen to it later.",
      category: "web-development",
      skills: ["React"],
      budgetType: "fixed",
      budgetMin: 100_000,
      budgetMax: 200_000,
      currency: "USD",
    });
    const { proposal } = await json<{ proposal: { id: string } }>(freelancer.page, `/api/projects/${project.id}/proposals`, {
      coverLetter: `Glad to join the kick-off and happy for it to be recorded for your team. Reference ${crypto.randomUUID()}.`,
      bidAmount: 150_000,
      estimatedDays: 10,
    });
    const { contract } = await json<{ contract: { id: string } }>(client.page, `/api/proposals/${proposal.id}/accept`, {});

    await freelancer.page.goto(`${baseUrl}/freelancer`);
    await freelancer.page.waitForLoadState("networkidle");
    await client.page.goto(`${baseUrl}/contracts/${contract.id}`);
    await client.page.getByRole("button", { name: "Start call" }).click();
    await client.page.waitForURL(/\/calls\/[0-9A-Za-z]+$/);
    const banner = freelancer.page.getByRole("region", { name: "Incoming video call from Rosa Client" });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    await banner.getByRole("button", { name: "Accept" }).click();
    await freelancer.page.waitForURL(/\/calls\/[0-9A-Za-z]+$/);
    await expect
      .poll(() => client.page.getByRole("region", { name: "Participants" }).textContent(), { timeout: 30_000 })
      .toContain("Theo Freelancer — connected");

    // Asking records nothing until the other side agrees; then both see that it is on.
    await recordingRegion(client.page).getByRole("button", { name: "Record video" }).click();
    await expect.poll(() => recordingRegion(client.page).textContent()).toContain("Waiting for Theo Freelancer to agree");
    await expect
      .poll(() => recordingRegion(freelancer.page).textContent())
      .toContain("Rosa Client asks to record this call (video and audio)");
    await expectAccessible(freelancer.page);
    const callId = new URL(client.page.url()).pathname.split("/").pop()!;
    expect(await db.select().from(schema.callRecordings).where(eq(schema.callRecordings.callId, callId))).toEqual([]);
    // The first piece meets a failing server four times in a row: it is kept and sent again, and the pieces after it wait.
    let refusals = 0;
    await client.page.route(/\/api\/recordings\/[^/]+\/chunks\/0$/, (route) => {
      if (refusals >= 4) return route.continue();
      refusals++;
      return route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "The service is busy." } } });
    });
    await recordingRegion(freelancer.page).getByRole("button", { name: "Agree to record" }).click();
    for (const page of [client.page, freelancer.page]) {
      await expect.poll(() => recordingRegion(page).getByRole("status").textContent()).toContain("Recording is on (video and audio)");
    }
    // Pieces reach the server while the call goes on.
    await expect
      .poll(() => recordingRegion(client.page).textContent(), { timeout: 30_000 })
      .toMatch(/[3-9]\d* parts saved|\d{2,} parts saved/);
    const [during] = await db.select().from(schema.callRecordings).where(eq(schema.callRecordings.callId, callId));
    expect(during.status).toBe("recording");
    expect(during.chunkCount).toBeGreaterThanOrEqual(3);
    expect(refusals).toBe(4);
    await expectAccessible(client.page);

    await recordingRegion(freelancer.page).getByRole("button", { name: "Stop recording" }).click();
    await expect.poll(() => recordingRegion(client.page).textContent()).toContain("Theo Freelancer stopped the recording");
    await client.page.getByRole("button", { name: "End call" }).click();
    await expect.poll(() => freelancer.page.getByText(/^Call ended after \d+ s\.$/).count(), { timeout: 15_000 }).toBe(1);

    await freelancer.page.getByRole("link", { name: "Back to the conversation" }).click();
    await freelancer.page.waitForURL(/\/messages\/[0-9A-Za-z]+$/);
    const history = freelancer.page.getByRole("region", { name: "Call recordings" });
    await expect.poll(() => history.textContent()).toContain("Video recording of the call on");
    await history.getByText("Play the recording").click();
    const player = history.locator("video[data-recording]");
    await expect.poll(() => history.getByTestId("recording-length").textContent(), { timeout: 20_000 }).toMatch(/^Length \d+ s$/);
    const duration = await player.evaluate((video: HTMLVideoElement) => video.duration);
    expect(Number.isFinite(duration)).toBe(true);
    expect(duration).toBeGreaterThan(1);
    await player.evaluate((video: HTMLVideoElement) => video.play());
    await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
    const size = await player.evaluate((video: HTMLVideoElement) => ({ width: video.videoWidth, height: video.videoHeight }));
    expect(size.width).toBeGreaterThan(0);
    await expectAccessible(freelancer.page);

    const download = await freelancer.page.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>("a[download][href*='/api/recordings/']")!;
      const res = await fetch(link.href);
      return {
        status: res.status,
        type: res.headers.get("Content-Type"),
        disposition: res.headers.get("Content-Disposition"),
        bytes: (await res.arrayBuffer()).byteLength,
      };
    });
    expect(download).toMatchObject({ status: 200, type: "video/webm" });
    expect(download.disposition).toMatch(/^attachment/);
    expect(download.bytes).toBeGreaterThan(10_000);
    // The browser reports each refused answer; nothing else went wrong.
    const [clientWatch, freelancerWatch] = watches;
    expect(clientWatch.errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    expect(clientWatch.errors.length).toBeLessThanOrEqual(4);
    expect(freelancerWatch.errors).toEqual([]);
    await client.context.close();
    await freelancer.context.close();
  }, 150_000);
});
