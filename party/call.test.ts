import { env, runDurableObjectAlarm, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { calls } from "../db/schema";
import { RING_TIMEOUT_MS } from "../worker/domain/calls/rules";
import { domainContextFromEnv } from "../worker/platform/domain-context";
import { describe, expect, it } from "vitest";
import { call } from "../worker/test-support/api";
import { callAction, ringingCall, waitForCall } from "../worker/test-support/calls";
import { createTestUser, joinRoom, ticketFor, upgrade, type TestSocket } from "../worker/test-support/messaging";

const quiet = { muted: false, cameraOff: false, sharingScreen: false };
const sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

/** Connects and joins: returns the socket and its peer id. */
async function joinCall(socket: TestSocket, state = quiet): Promise<string> {
  const welcome = await socket.next((m) => m.type === "welcome");
  socket.socket.send(JSON.stringify({ type: "join", state }));
  return welcome.peerId as string;
}

describe("call room", () => {
  it("admits only the call's participants while the call is live", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    const room = `call:${started.id}`;
    expect((await call("/api/rooms/ticket", { token: stranger.accessToken, body: { room } })).status).toBe(404);
    const other = await ringingCall();
    const otherTicket = await ticketFor(other.client, `call:${other.call.id}`);
    const wrongRoom = await upgrade(`http://localhost/parties/call/${started.id}?ticket=${encodeURIComponent(otherTicket.ticket)}`);
    expect(wrongRoom.status).toBe(403);
    const socket = await joinRoom(freelancer, room);
    expect(await socket.next()).toMatchObject({ type: "welcome", peers: [] });
    socket.socket.close(1000);
    await callAction(client, started.id, "end");
    const over = await call("/api/rooms/ticket", { token: client.accessToken, body: { room } });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("call_over");
  });

  it("keeps the participant list and shares mute and camera flags", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    const room = `call:${started.id}`;
    const a = await joinRoom(client, room);
    const aId = await joinCall(a);
    const b = await joinRoom(freelancer, room);
    const welcome = await b.next((m) => m.type === "welcome");
    expect(welcome.peers).toEqual([{ peerId: aId, userId: client.user.id, ...quiet }]);
    b.socket.send(JSON.stringify({ type: "join", state: { ...quiet, cameraOff: true } }));
    expect(await a.next()).toEqual({
      type: "joined",
      peer: { peerId: welcome.peerId, userId: freelancer.user.id, muted: false, cameraOff: true, sharingScreen: false },
    });
    b.socket.send(JSON.stringify({ type: "state", state: { muted: true, cameraOff: false, sharingScreen: true } }));
    expect(await a.next()).toEqual({
      type: "state",
      peerId: welcome.peerId,
      state: { muted: true, cameraOff: false, sharingScreen: true },
    });
    b.socket.send(JSON.stringify({ type: "leave" }));
    expect(await a.next()).toEqual({ type: "left", peerId: welcome.peerId });
    const late = await joinRoom(freelancer, room);
    expect((await late.next((m) => m.type === "welcome")).peers.map((p: { peerId: string }) => p.peerId)).toEqual([aId]);
    for (const s of [a, b, late]) s.socket.close(1000);
  });

  it("relays offers, answers and ICE only to the addressed peer, stamped with the real sender", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    const room = `call:${started.id}`;
    const a = await joinRoom(client, room);
    const aId = await joinCall(a);
    const b = await joinRoom(freelancer, room);
    const bId = await joinCall(b);
    await a.next((m) => m.type === "joined");
    // A second tab of the client that has not joined: it must not overhear signalling.
    const watcher = await joinRoom(client, room);
    const watcherId = (await watcher.next((m) => m.type === "welcome")).peerId;

    a.socket.send(JSON.stringify({ type: "offer", to: bId, from: "forged", description: { type: "offer", sdp } }));
    expect(await b.next()).toEqual({ type: "offer", from: aId, description: { type: "offer", sdp } });
    b.socket.send(JSON.stringify({ type: "answer", to: aId, description: { type: "answer", sdp } }));
    expect(await a.next()).toEqual({ type: "answer", from: bId, description: { type: "answer", sdp } });
    const candidate = { candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host", sdpMid: "0", sdpMLineIndex: 0 };
    b.socket.send(JSON.stringify({ type: "ice", to: aId, candidate }));
    expect(await a.next()).toEqual({ type: "ice", from: bId, candidate });

    // Addressed to a socket that has not joined, to nobody, or malformed: dropped.
    a.socket.send(JSON.stringify({ type: "offer", to: watcherId, description: { type: "offer", sdp } }));
    a.socket.send(JSON.stringify({ type: "offer", to: "nobody", description: { type: "offer", sdp } }));
    a.socket.send(JSON.stringify({ type: "ice", to: bId, candidate: { candidate: 5 } }));
    a.socket.send("not json");
    // Room output is ordered per socket: a state change after them shows nothing else arrived before it.
    a.socket.send(JSON.stringify({ type: "state", state: { ...quiet, muted: true } }));
    expect(await b.next()).toEqual({ type: "state", peerId: aId, state: { ...quiet, muted: true } });
    expect(await watcher.next()).toEqual({ type: "state", peerId: aId, state: { ...quiet, muted: true } });
    expect(b.pending()).toEqual([]);
    expect(watcher.pending()).toEqual([]);
    for (const s of [a, b, watcher]) s.socket.close(1000);
  });

  it("passes on the Calls tracks a peer publishes, only for sessions that member opened for this call", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    await callAction(freelancer, started.id, "accept");
    const openSession = async (user: typeof client, callId: string) => {
      const res = await SELF.fetch(`http://localhost/api/calls/${callId}/partytracks/sessions/new`, {
        method: "POST",
        headers: { Authorization: `Bearer ${user.accessToken}` },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { sessionId: string }).sessionId;
    };
    const mine = await openSession(client, started.id);
    const theirs = await openSession(freelancer, started.id);
    const room = `call:${started.id}`;
    const a = await joinRoom(client, room);
    const aId = await joinCall(a);
    const b = await joinRoom(freelancer, room);
    await joinCall(b);
    await a.next((m) => m.type === "joined");
    const tracks = [
      { sessionId: mine, trackName: "0b9c5a0e-mic", kind: "audio" },
      { sessionId: mine, trackName: "0b9c5a0e-cam", kind: "video" },
    ];
    // Someone else's session, or a malformed list, is dropped.
    a.socket.send(JSON.stringify({ type: "tracks", tracks: [{ sessionId: theirs, trackName: "x", kind: "video" }] }));
    a.socket.send(JSON.stringify({ type: "tracks", tracks: [{ sessionId: mine, trackName: "a b", kind: "video" }] }));
    a.socket.send(JSON.stringify({ type: "tracks", tracks }));
    expect(await b.next()).toEqual({ type: "tracks", peerId: aId, tracks });
    expect(b.pending()).toEqual([]);
    // Someone arriving later learns them with the welcome.
    const late = await joinRoom(freelancer, room);
    expect((await late.next((m) => m.type === "welcome")).tracks).toEqual([{ peerId: aId, tracks }]);
    for (const s of [a, b, late]) s.socket.close(1000);
  });

  it("ends the call, with its duration, when everyone has left", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    await callAction(freelancer, started.id, "accept");
    const room = `call:${started.id}`;
    const a = await joinRoom(client, room);
    await joinCall(a);
    const b = await joinRoom(freelancer, room);
    await joinCall(b);
    await a.next((m) => m.type === "joined");
    a.socket.send(JSON.stringify({ type: "leave" }));
    expect(await b.next((m) => m.type === "left")).toMatchObject({ type: "left" });
    b.socket.close(1000);
    const ended = await waitForCall(client, started.id, (c) => c.status !== "active");
    expect(ended.status).toBe("ended");
    expect(ended.durationSeconds).toEqual(expect.any(Number));
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(Date.parse(ended.answeredAt!));
    a.socket.close(1000);
  });

  it("marks an unanswered ring missed when its alarm fires, and tells the caller's socket", async () => {
    const { client, call: started } = await ringingCall();
    const a = await joinRoom(client, `call:${started.id}`);
    await joinCall(a);
    await domainContextFromEnv(env)
      .db.update(calls)
      .set({ startedAt: new Date(Date.now() - RING_TIMEOUT_MS - 1000) })
      .where(eq(calls.id, started.id));
    expect(await runDurableObjectAlarm(env.Call.get(env.Call.idFromName(started.id)))).toBe(true);
    expect(await a.next((m) => m.type === "ended")).toMatchObject({ type: "ended", call: { id: started.id, status: "missed" } });
    expect((await a.closed).code).toBe(1000);
    expect((await waitForCall(client, started.id, () => true)).status).toBe("missed");
  });
});
