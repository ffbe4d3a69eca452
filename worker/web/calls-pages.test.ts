import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls } from "../../db/schema";
import { domainContextFromEnv } from "../platform/domain-context";
import { ringingCall } from "../test-support/calls";
import { conversationPair, createTestUser } from "../test-support/messaging";
import { browserFor } from "../test-support/web";

const callsIn = async (conversationId: string) =>
  domainContextFromEnv(env).db.select().from(calls).where(eq(calls.conversationId, conversationId));

describe("call pages without JavaScript", () => {
  it("Start call on a conversation opens a ringing call, and a second press joins the same call", async () => {
    const { client, conversationId } = await conversationPair();
    const browser = await browserFor(client.user);
    const conversationPage = (await browser.get(`/messages/${conversationId}`)).html;
    expect(conversationPage).toContain('action="/calls/start"');
    const started = await browser.post("/calls/start", { conversationId });
    expect(started.status).toBe(302);
    const location = started.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/calls\/[0-9A-Za-z]+$/);
    const again = await browser.post("/calls/start", { conversationId });
    expect(again.headers.get("Location")).toBe(location);
    expect(await callsIn(conversationId)).toHaveLength(1);
    const page = (await browser.get(location)).html;
    expect(page).toContain("Ringing…");
  });

  it("the person called answers or declines with the page's form; strangers get 404 and change nothing", async () => {
    const { client, freelancer, conversationId, call } = await ringingCall();
    const stranger = await createTestUser(env, { roles: ["client"] });
    const outsider = await browserFor(stranger.user);
    expect((await outsider.get(`/calls/${call.id}`)).status).toBe(404);
    expect((await outsider.post(`/calls/${call.id}`, { intent: "accept" })).status).toBe(404);
    expect((await outsider.post("/calls/start", { conversationId })).status).toBe(404);
    expect((await callsIn(conversationId)).map((c) => c.status)).toEqual(["ringing"]);

    const callee = await browserFor(freelancer.user);
    const page = (await callee.get(`/calls/${call.id}`)).html;
    expect(page).toContain(`${client.user.name} is calling you.`);
    const accepted = await callee.post(`/calls/${call.id}`, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect((await callsIn(conversationId))[0].status).toBe("active");
    const hungUp = await callee.post(`/calls/${call.id}`, { intent: "end" });
    expect(hungUp.status).toBe(302);
    const [ended] = await callsIn(conversationId);
    expect(ended.status).toBe("ended");
    expect(ended.durationSeconds).toEqual(expect.any(Number));
    const history = (await callee.get(`/messages/${conversationId}`)).html;
    expect(history).toMatch(/Video call, \d+ s \(started by /);
  });
});
