import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parseRoom } from "../domain/rooms/names";
import { signRoomTicket, ROOM_TICKET_TTL_MS } from "../domain/rooms/tickets";
import { readVars } from "../env";
import { call } from "../test-support/api";
import { conversationPair, createTestUser, joinRoom, ticketFor, upgrade } from "../test-support/messaging";

const secret = () => readVars(env as unknown as Record<string, unknown>).SESSION_SECRET;

describe("POST /api/rooms/ticket", () => {
  it("gives a member a one-minute ticket and the WebSocket URL of the room", async () => {
    const { client, conversationId } = await conversationPair();
    const before = Date.now();
    const { ticket, url } = await ticketFor(client, `conversation:${conversationId}`);
    expect(url).toBe(`ws://localhost/parties/conversation/${conversationId}?ticket=${encodeURIComponent(ticket)}`);
    const payload = JSON.parse(atob(ticket.split(".")[0].replace(/-/g, "+").replace(/_/g, "/")));
    expect(payload).toMatchObject({ sub: client.user.id, room: `conversation:${conversationId}` });
    expect(payload.exp).toBeGreaterThanOrEqual(before + ROOM_TICKET_TTL_MS);
    expect(payload.exp).toBeLessThanOrEqual(Date.now() + ROOM_TICKET_TTL_MS);
    expect((await ticketFor(client, "presence")).url).toMatch(/^ws:\/\/localhost\/parties\/presence\/global\?ticket=/);
    expect((await ticketFor(client, `user:${client.user.id}`)).url).toMatch(new RegExp(`/parties/user/${client.user.id}\\?ticket=`));
  });

  it("answers wss:// when the request came over https", async () => {
    const { client } = await conversationPair();
    const res = await SELF.fetch("https://localhost/api/rooms/ticket", {
      method: "POST",
      headers: { ...client.headers },
      body: JSON.stringify({ room: "presence" }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { url: string }).url).toMatch(/^wss:\/\/localhost\/parties\/presence\/global\?ticket=/);
  });

  it("refuses strangers, other people's rooms, rooms not built yet and malformed names", async () => {
    const { conversationId } = await conversationPair();
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    const other = await createTestUser(env);
    const ask = (room: string, token?: string) => call("/api/rooms/ticket", { token, body: { room } });
    expect((await ask("presence")).status).toBe(401);
    expect((await ask(`conversation:${conversationId}`, stranger.accessToken)).status).toBe(404);
    expect((await ask("conversation:nope", stranger.accessToken)).status).toBe(404);
    expect((await ask(`user:${other.user.id}`, stranger.accessToken)).status).toBe(403);
    expect((await ask(`whiteboard:${conversationId}`, stranger.accessToken)).status).toBe(404);
    expect((await ask(`call:${conversationId}`, stranger.accessToken)).status).toBe(404);
    for (const bad of ["", "conversation", "conversation:", "conversation:a/b", "lobby:1", "presence:x", "user:" + "x".repeat(65)]) {
      const res = await ask(bad, stranger.accessToken);
      expect(res.status, bad).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
  });
});

describe("the room gate at /parties/<kind>/<id>", () => {
  it("admits a valid ticket for exactly that room", async () => {
    const { client, conversationId } = await conversationPair();
    const socket = await joinRoom(client, `conversation:${conversationId}`);
    socket.socket.close(1000);
  });

  it("refuses no ticket, a forged or tampered one, an expired one and an access token, with 401 and no upgrade", async () => {
    const { client, conversationId } = await conversationPair();
    const base = `http://localhost/parties/conversation/${conversationId}`;
    const { ticket } = await ticketFor(client, `conversation:${conversationId}`);
    const [body, signature] = ticket.split(".");
    const forgedBody = btoa(
      JSON.stringify({ sub: "someone-else", room: `conversation:${conversationId}`, exp: Date.now() + 60_000, typ: "room" }),
    )
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const expired = await signRoomTicket(
      secret(),
      client.user.id,
      parseRoom(`conversation:${conversationId}`)!,
      Date.now() - ROOM_TICKET_TTL_MS - 1,
    );
    for (const [label, url] of [
      ["none", base],
      ["empty", `${base}?ticket=`],
      ["tampered", `${base}?ticket=${forgedBody}.${signature}`],
      ["bad signature", `${base}?ticket=${body}.${signature.slice(0, -2)}AA`],
      ["expired", `${base}?ticket=${expired}`],
      ["access token", `${base}?ticket=${client.accessToken}`],
    ] as const) {
      const res = await upgrade(url);
      expect(res.status, label).toBe(401);
      expect(res.webSocket, label).toBeNull();
    }
  });

  it("refuses a ticket for another room with 403", async () => {
    const a = await conversationPair();
    const b = await conversationPair();
    const { ticket } = await ticketFor(a.client, `conversation:${a.conversationId}`);
    const res = await upgrade(`http://localhost/parties/conversation/${b.conversationId}?ticket=${ticket}`);
    expect(res.status).toBe(403);
    expect(res.webSocket).toBeNull();
    const presence = await ticketFor(a.client, "presence");
    expect((await upgrade(`http://localhost/parties/user/${a.client.user.id}?${new URL(presence.url).search.slice(1)}`)).status).toBe(403);
    expect((await upgrade(`http://localhost/parties/presence/other?${new URL(presence.url).search.slice(1)}`)).status).toBe(404);
  });

  it("ignores identity headers a client sends itself", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const { ticket } = await ticketFor(client, `conversation:${conversationId}`);
    const res = await SELF.fetch(`http://localhost/parties/conversation/${conversationId}?ticket=${ticket}`, {
      headers: { Upgrade: "websocket", "x-megilance-room-user": freelancer.user.id },
    });
    expect(res.status).toBe(101);
    const socket = res.webSocket!;
    socket.accept();
    const other = await joinRoom(freelancer, `conversation:${conversationId}`);
    socket.send(JSON.stringify({ type: "typing" }));
    expect(await other.next((m) => m.type === "typing")).toEqual({ type: "typing", userId: client.user.id });
    socket.close(1000);
    other.socket.close(1000);
  });

  it("serves rooms over WebSocket only, and only the room kinds it knows", async () => {
    const { client, conversationId } = await conversationPair();
    const { url } = await ticketFor(client, `conversation:${conversationId}`);
    const res = await SELF.fetch(url.replace(/^ws/, "http"));
    expect(res.status).toBe(426);
    expect((await upgrade("http://localhost/parties/rate-limiter/x")).status).toBe(404);
    expect((await upgrade("http://localhost/parties/whiteboard/x")).status).toBe(401);
  });

  it("closes a socket the Worker did not admit, even if it reaches the room object directly", async () => {
    const { conversationId } = await conversationPair();
    const stub = env.Conversation.get(env.Conversation.idFromName(conversationId));
    const res = await stub.fetch(`http://localhost/parties/conversation/${conversationId}`, {
      headers: { Upgrade: "websocket", "x-partykit-room": conversationId },
    });
    expect(res.status).toBe(101);
    expect(await closeOf(res)).toMatchObject({ code: 1008 });
  });
});

async function closeOf(res: Response): Promise<{ code: number }> {
  const socket = res.webSocket!;
  const closed = new Promise<{ code: number }>((resolve) => socket.addEventListener("close", (e) => resolve({ code: e.code })));
  socket.accept();
  return closed;
}
