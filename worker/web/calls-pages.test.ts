import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, type User } from "../../db/schema";
import { createSession } from "../domain/auth/sessions";
import { domainContextFromEnv } from "../platform/domain-context";
import { ringingCall } from "../test-support/calls";
import { testContext } from "../test-support/context";
import { conversationPair, createTestUser } from "../test-support/messaging";

const ORIGIN = "http://localhost";

/** A browser without JavaScript, signed in with a web session cookie. */
async function browserFor(user: User) {
  const { ctx } = testContext(env);
  const { token } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: true, meta: {} });
  const headers = { Host: "localhost", Cookie: `megilance_session=${token}` };
  return {
    get: (path: string) => SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }),
    post: (path: string, fields: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      }),
  };
}

const callsIn = async (conversationId: string) =>
  domainContextFromEnv(env).db.select().from(calls).where(eq(calls.conversationId, conversationId));

describe("call pages without JavaScript", () => {
  it("Start call on a conversation opens a ringing call, and a second press joins the same call", async () => {
    const { client, conversationId } = await conversationPair();
    const browser = await browserFor(client.user);
    const conversationPage = await (await browser.get(`/messages/${conversationId}`)).text();
    expect(conversationPage).toContain('action="/calls/start"');
    const started = await browser.post("/calls/start", { conversationId });
    expect(started.status).toBe(302);
    const location = started.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/calls\/[0-9A-Za-z]+$/);
    const again = await browser.post("/calls/start", { conversationId });
    expect(again.headers.get("Location")).toBe(location);
    expect(await callsIn(conversationId)).toHaveLength(1);
    const page = await (await browser.get(location)).text();
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
    const page = await (await callee.get(`/calls/${call.id}`)).text();
    expect(page).toContain(`${client.user.name} is calling you.`);
    const accepted = await callee.post(`/calls/${call.id}`, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect((await callsIn(conversationId))[0].status).toBe("active");
    const hungUp = await callee.post(`/calls/${call.id}`, { intent: "end" });
    expect(hungUp.status).toBe(302);
    const [ended] = await callsIn(conversationId);
    expect(ended.status).toBe("ended");
    expect(ended.durationSeconds).toEqual(expect.any(Number));
    const history = await (await callee.get(`/messages/${conversationId}`)).text();
    expect(history.replace(/<!-- -->/g, "")).toMatch(/Video call, \d+ s \(started by /);
  });
});
