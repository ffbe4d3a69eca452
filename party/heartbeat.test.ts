import { env } from "cloudflare:test";
import { getServerByName } from "partyserver";
import { describe, expect, it } from "vitest";
import { PRESENCE_ROOM_ID } from "../worker/domain/rooms/names";
import { call } from "../worker/test-support/api";
import { createTestUser, joinRoom } from "../worker/test-support/messaging";
import { DEAD_AFTER_MS, DEAD_SOCKET_CLOSE, HEARTBEAT_PING, HEARTBEAT_PONG } from "./heartbeat";

const about = (userId: string) => (m: { type: string; userId?: string }) => m.type === "presence" && m.userId === userId;
const SEPARATION_MS = 1500;

describe("dead-socket heartbeat", () => {
  it("answers a heartbeat without involving the room's message handling", async () => {
    const user = await createTestUser(env);
    const socket = await joinRoom(user, "presence");
    await socket.next((m) => m.type === "snapshot");
    socket.socket.send(HEARTBEAT_PING);
    expect(await socket.next()).toBe(HEARTBEAT_PONG);
    socket.socket.close(1000);
  });

  it("closes a socket whose heartbeat stopped, shows its user offline with a last-seen time, and keeps beating sockets", async () => {
    const watcher = await createTestUser(env);
    const ghost = await createTestUser(env);
    const ghostSocket = await joinRoom(ghost, "presence");
    await ghostSocket.next((m) => m.type === "snapshot");
    const ghostLastSign = Date.now();
    // The watcher's last sign of life comes clearly later than the ghost's.
    await new Promise((resolve) => setTimeout(resolve, SEPARATION_MS));
    const watch = await joinRoom(watcher, "presence");
    await watch.next((m) => m.type === "snapshot");
    const beatSent = Date.now();
    watch.socket.send(HEARTBEAT_PING);
    expect(await watch.next()).toBe(HEARTBEAT_PONG);

    const room = await getServerByName(env.Presence, PRESENCE_ROOM_ID);
    // Early: nobody has been silent long enough.
    await room.sweep(ghostLastSign + DEAD_AFTER_MS - SEPARATION_MS);
    ghostSocket.socket.send("ping");
    expect(await ghostSocket.next((m) => m === "pong")).toBe("pong");
    // Later: only the ghost has been silent for longer than the limit (a plain message is no heartbeat).
    expect(await room.sweep(beatSent + DEAD_AFTER_MS - 1)).toBeGreaterThanOrEqual(1);
    expect(await ghostSocket.closed).toEqual({ code: DEAD_SOCKET_CLOSE.code, reason: DEAD_SOCKET_CLOSE.reason });
    expect(await watch.next(about(ghost.user.id))).toEqual({ type: "presence", userId: ghost.user.id, status: "offline" });

    const res = await call(`/api/presence?userIds=${ghost.user.id},${watcher.user.id}`, { token: watcher.accessToken });
    expect(res.body.items[0]).toMatchObject({ userId: ghost.user.id, status: "offline" });
    // Last seen is the ghost's last sign of life, not the moment the sweep noticed.
    expect(Date.parse(res.body.items[0].lastSeenAt)).toBeGreaterThanOrEqual(ghostLastSign - 5000);
    expect(Date.parse(res.body.items[0].lastSeenAt)).toBeLessThanOrEqual(ghostLastSign);
    expect(res.body.items[1]).toMatchObject({ userId: watcher.user.id, status: "online" });
    // The watcher is still connected and served.
    watch.socket.send("ping");
    expect(await watch.next((m) => m === "pong")).toBe("pong");
    expect((watch.pending() as Array<{ type: string }>).filter(about(ghost.user.id))).toEqual([]);
    watch.socket.close(1000);
  });
});
