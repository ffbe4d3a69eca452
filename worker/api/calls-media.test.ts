import { env, SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { CALLS_TEST_APP } from "../../tests/setup/calls-stand-in.global";
import { callAction, ringingCall } from "../test-support/calls";
import { createTestUser, type TestUser } from "../test-support/messaging";

const sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
const seen: string[] = [];

/** A request to a call's media proxy, as partytracks' browser client makes it; every answer is kept for the secret check. */
async function media(user: TestUser | null, callId: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  // A bearer caller with a stray cookie: neither may travel on to Cloudflare.
  if (user) Object.assign(headers, { Authorization: `Bearer ${user.accessToken}`, Cookie: "megilance_session=should-not-travel" });
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await SELF.fetch(`http://localhost/api/calls/${callId}/partytracks${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const openSession = async (user: TestUser, callId: string) => {
  const res = await media(user, callId, "/sessions/new", { method: "POST" });
  expect(res.status).toBe(201);
  expect(res.body.sessionId).toMatch(/^[0-9a-f]{32}$/);
  return res.body.sessionId as string;
};

describe("the Cloudflare Calls proxy of a call", () => {
  it("opens sessions, pushes and pulls tracks and renegotiates through the Calls API for participants", async () => {
    const { client, freelancer, call } = await ringingCall();
    await callAction(freelancer, call.id, "accept");
    const ice = await media(client, call.id, "/generate-ice-servers");
    expect(ice.status).toBe(200);
    expect(ice.body.iceServers[0].urls[0]).toMatch(/^stun:/);

    const mine = await openSession(client, call.id);
    const pushed = await media(client, call.id, `/sessions/${mine}/tracks/new`, {
      body: { sessionDescription: { type: "offer", sdp }, tracks: [{ location: "local", trackName: "camera", mid: "0" }] },
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.tracks).toEqual([{ trackName: "camera", mid: "0" }]);

    const theirs = await openSession(freelancer, call.id);
    const pulled = await media(freelancer, call.id, `/sessions/${theirs}/tracks/new`, {
      body: { tracks: [{ location: "remote", sessionId: mine, trackName: "camera" }] },
    });
    expect(pulled.status).toBe(200);
    expect(pulled.body).toMatchObject({
      requiresImmediateRenegotiation: true,
      tracks: [{ trackName: "camera", sessionId: mine, mid: "0" }],
    });
    const renegotiated = await media(freelancer, call.id, `/sessions/${theirs}/renegotiate`, {
      method: "PUT",
      body: { sessionDescription: { type: "answer", sdp } },
    });
    expect(renegotiated.status).toBe(200);
    const closed = await media(client, call.id, `/sessions/${mine}/tracks/close`, {
      method: "PUT",
      body: { tracks: [{ mid: "0" }], force: false },
    });
    expect(closed.status).toBe(200);

    // Cloudflare's side saw our app secret but none of the member's own credentials.
    const received = (await (await fetch(`${inject("callsApiUrl").replace(/\/v1$/, "")}/__received`)).json()) as {
      received: Array<{ path: string; headerNames: string[] }>;
    };
    const ours = received.received.filter((r) => r.path.includes(mine) || r.path.includes(theirs));
    expect(ours.length).toBeGreaterThanOrEqual(4);
    for (const r of ours) {
      expect(r.headerNames).toContain("authorization");
      expect(r.headerNames).not.toContain("cookie");
    }
  });

  it("binds a session to the member who opened it and keeps pulls inside the call", async () => {
    const { client, freelancer, call } = await ringingCall();
    const mine = await openSession(client, call.id);
    const push = { body: { sessionDescription: { type: "offer", sdp }, tracks: [{ location: "local", trackName: "mic", mid: "1" }] } };
    const hijack = await media(freelancer, call.id, `/sessions/${mine}/tracks/new`, push);
    expect(hijack.status).toBe(403);
    expect((await media(freelancer, call.id, `/sessions/${mine}/renegotiate`, { method: "PUT", body: {} })).status).toBe(403);
    expect((await media(freelancer, call.id, `/sessions/${mine}/tracks/close`, { method: "PUT", body: { tracks: [] } })).status).toBe(403);

    const elsewhere = await ringingCall();
    const foreign = await openSession(elsewhere.client, elsewhere.call.id);
    // A session from another call is not usable through this call, not even by its owner...
    expect((await media(elsewhere.client, call.id, `/sessions/${foreign}/tracks/new`, push)).status).toBe(404);
    // ...and its tracks cannot be pulled into this call.
    const pull = await media(client, call.id, `/sessions/${mine}/tracks/new`, {
      body: { tracks: [{ location: "remote", sessionId: foreign, trackName: "mic" }] },
    });
    expect(pull.status).toBe(403);
    expect((await media(client, call.id, `/sessions/${mine}/tracks/new`, push)).status).toBe(200);
  });

  it("is closed to strangers, to signed-out callers and after the call ends", async () => {
    const { client, call } = await ringingCall();
    const stranger = await createTestUser(env, { roles: ["client"] });
    expect((await media(null, call.id, "/sessions/new", { method: "POST" })).status).toBe(401);
    expect((await media(stranger, call.id, "/sessions/new", { method: "POST" })).status).toBe(404);
    expect((await media(client, call.id, "/unknown/endpoint", { method: "POST" })).status).toBe(404);
    const mine = await openSession(client, call.id);
    await callAction(client, call.id, "end");
    const after = await media(client, call.id, "/sessions/new", { method: "POST" });
    expect(after.status).toBe(409);
    // Once it is over, members may only wind down their own sessions: close tracks, finish a renegotiation.
    const push = { body: { sessionDescription: { type: "offer", sdp }, tracks: [{ location: "local", trackName: "cam", mid: "0" }] } };
    expect((await media(client, call.id, `/sessions/${mine}/tracks/new`, push)).status).toBe(409);
    const close = { method: "PUT", body: { tracks: [{ mid: "0" }], force: false } };
    expect((await media(client, call.id, `/sessions/${mine}/tracks/close`, close)).status).toBe(200);
    expect((await media(stranger, call.id, `/sessions/${mine}/tracks/close`, close)).status).toBe(404);
  });

  it("never lets the app secret reach a browser", () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) expect(text).not.toContain(CALLS_TEST_APP.secret);
  });
});
