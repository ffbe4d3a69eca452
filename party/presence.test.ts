import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../worker/test-support/api";
import { createTestUser, joinRoom, upgrade } from "../worker/test-support/messaging";

const about = (userId: string) => (m: { type: string; userId?: string }) => m.type === "presence" && m.userId === userId;

describe("presence room", () => {
  it("greets a socket with a snapshot and tells others when someone comes, steps away and leaves", async () => {
    const ann = await createTestUser(env);
    const bob = await createTestUser(env);
    const annSocket = await joinRoom(ann, "presence");
    const snapshot = await annSocket.next((m) => m.type === "snapshot");
    expect(snapshot.users).toContainEqual({ userId: ann.user.id, status: "online" });
    expect(snapshot.users.map((u: { userId: string }) => u.userId)).not.toContain(bob.user.id);

    const bobSocket = await joinRoom(bob, "presence");
    expect((await bobSocket.next((m) => m.type === "snapshot")).users).toEqual(
      expect.arrayContaining([
        { userId: ann.user.id, status: "online" },
        { userId: bob.user.id, status: "online" },
      ]),
    );
    expect(await annSocket.next(about(bob.user.id))).toEqual({ type: "presence", userId: bob.user.id, status: "online" });

    bobSocket.socket.send(JSON.stringify({ type: "status", status: "away" }));
    expect(await annSocket.next(about(bob.user.id))).toEqual({ type: "presence", userId: bob.user.id, status: "away" });
    bobSocket.socket.send(JSON.stringify({ type: "status", status: "asleep" }));
    bobSocket.socket.send(JSON.stringify({ type: "status", status: "online" }));
    expect(await annSocket.next(about(bob.user.id))).toEqual({ type: "presence", userId: bob.user.id, status: "online" });

    bobSocket.socket.close(1000, "bye");
    expect(await annSocket.next(about(bob.user.id))).toEqual({ type: "presence", userId: bob.user.id, status: "offline" });
    annSocket.socket.close(1000);
  });

  it("keeps a user online while any of their sockets is, and records last-seen when the last one closes", async () => {
    const watcher = await createTestUser(env);
    const multi = await createTestUser(env);
    const watch = await joinRoom(watcher, "presence");
    const first = await joinRoom(multi, "presence");
    expect(await watch.next(about(multi.user.id))).toMatchObject({ status: "online" });
    const second = await joinRoom(multi, "presence");
    await second.next((m) => m.type === "snapshot");
    second.socket.send(JSON.stringify({ type: "status", status: "away" }));
    // The room answers in order: once this pong is back, the away status is applied (and changed nothing yet).
    second.socket.send("ping");
    await second.next((m) => m === "pong");
    expect((watch.pending() as Array<{ type: string }>).filter(about(multi.user.id))).toEqual([]);
    first.socket.close(1000);
    // Still one socket (away): the change is to away, not offline.
    expect(await watch.next(about(multi.user.id))).toMatchObject({ status: "away" });

    const online = await call(`/api/presence?userIds=${multi.user.id},${watcher.user.id}`, { token: watcher.accessToken });
    expect(online.status).toBe(200);
    expect(online.body.items).toEqual([
      { userId: multi.user.id, status: "away", lastSeenAt: expect.any(String) },
      { userId: watcher.user.id, status: "online", lastSeenAt: expect.any(String) },
    ]);

    const beforeClose = Date.now();
    second.socket.close(1000);
    expect(await watch.next(about(multi.user.id))).toMatchObject({ status: "offline" });
    const offline = await call(`/api/presence?userIds=${multi.user.id}`, { token: watcher.accessToken });
    expect(offline.body.items[0].status).toBe("offline");
    expect(Date.parse(offline.body.items[0].lastSeenAt)).toBeGreaterThanOrEqual(beforeClose - 1000);
    watch.socket.close(1000);
  });

  it("answers presence questions only for signed-in users and sane id lists", async () => {
    const user = await createTestUser(env);
    const never = await createTestUser(env);
    expect((await call(`/api/presence?userIds=${user.user.id}`)).status).toBe(401);
    const res = await call(`/api/presence?userIds=${never.user.id}`, { token: user.accessToken });
    expect(res.body.items).toEqual([{ userId: never.user.id, status: "offline", lastSeenAt: null }]);
    expect((await call("/api/presence?userIds=", { token: user.accessToken })).status).toBe(422);
    const tooMany = Array.from({ length: 101 }, (_, i) => `u${i}`).join(",");
    expect((await call(`/api/presence?userIds=${tooMany}`, { token: user.accessToken })).status).toBe(422);
  });

  it("answers ping with pong", async () => {
    const user = await createTestUser(env);
    const socket = await joinRoom(user, "presence");
    socket.socket.send("ping");
    expect(await socket.next((m) => m === "pong")).toBe("pong");
    socket.socket.close(1000);
  });

  it("refuses sockets without a ticket, and room kinds that do not exist", async () => {
    expect((await upgrade("http://localhost/parties/presence/global")).status).toBe(401);
    const res = await SELF.fetch("http://localhost/parties/nothing-here/x", { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(404);
  });
});
