import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { notify } from "../domain/notifications/notify";
import { unsubscribeUrl } from "../domain/notifications/preferences";
import { testContext } from "../test-support/context";
import { callApi, createTestUser } from "../test-support/users";

const call = (method: string, path: string, token?: string | null, body?: unknown) => callApi(SELF, method, path, token, body);

describe("/api/notifications", () => {
  it("lists with unreadCount, counts, marks one and all read; needs a sign-in", async () => {
    const { ctx } = testContext(env);
    const me = await createTestUser(env, { roles: ["client"] });
    const other = await createTestUser(env, { roles: ["client"] });
    for (let i = 0; i < 3; i++)
      await notify(ctx, me.user.id, "proposal_received", { title: `New proposal ${i}`, body: "Someone applied." });
    expect((await call("GET", "/api/notifications")).status).toBe(401);
    const list = await call("GET", "/api/notifications?limit=2", me.accessToken);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ unreadCount: 3, nextCursor: expect.any(String) });
    expect(list.body.items).toHaveLength(2);
    expect((await call("GET", "/api/notifications/unread-count", me.accessToken)).body).toEqual({ unreadCount: 3 });
    const id = list.body.items[0].id;
    expect((await call("POST", `/api/notifications/${id}/read`, other.accessToken)).status).toBe(404);
    expect((await call("POST", `/api/notifications/${id}/read`, me.accessToken)).body.notification.read).toBe(true);
    expect((await call("POST", "/api/notifications/read-all", me.accessToken)).body.updated).toBe(2);
    expect((await call("GET", "/api/notifications/unread-count", me.accessToken)).body.unreadCount).toBe(0);
    expect((await call("GET", "/api/notifications?limit=500", me.accessToken)).status).toBe(422);
  });

  it("reads and changes preferences", async () => {
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const before = await call("GET", "/api/notifications/preferences", me.accessToken);
    expect(before.body.preferences.proposal_accepted).toEqual({ email: true, inApp: true });
    const put = await call("PUT", "/api/notifications/preferences", me.accessToken, {
      preferences: { proposal_accepted: { email: false } },
    });
    expect(put.status).toBe(200);
    expect(put.body.preferences.proposal_accepted).toEqual({ email: false, inApp: true });
    const bad = await call("PUT", "/api/notifications/preferences", me.accessToken, { preferences: { made_up: { email: false } } });
    expect(bad.status).toBe(422);
    expect((await call("PUT", "/api/notifications/preferences", null, { preferences: {} })).status).toBe(401);
  });

  it("unsubscribes from an email link without signing in and answers HTML", async () => {
    const { ctx } = testContext(env);
    const me = await createTestUser(env, { roles: ["freelancer"] });
    const url = new URL(await unsubscribeUrl(ctx, me.user.id, "project_closed"));
    const res = await SELF.fetch(`http://localhost${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("unsubscribed");
    const prefs = await call("GET", "/api/notifications/preferences", me.accessToken);
    expect(prefs.body.preferences.project_closed).toEqual({ email: false, inApp: true });
    const bad = await SELF.fetch("http://localhost/api/notifications/unsubscribe?token=forged.token");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("not valid");
  });
});
