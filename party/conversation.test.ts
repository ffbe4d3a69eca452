import { describe, expect, it } from "vitest";
import { call } from "../worker/test-support/api";
import { conversationPair, joinRoom, send } from "../worker/test-support/messaging";

describe("conversation room", () => {
  it("delivers a stored message live to every member's sockets", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const room = `conversation:${conversationId}`;
    const clientSocket = await joinRoom(client, room);
    const freelancerSocket = await joinRoom(freelancer, room);
    const sent = await send(client, conversationId, "  Hello there  ");
    expect(sent.body).toBe("Hello there");
    const live = await freelancerSocket.next((m) => m.type === "message");
    expect(live).toEqual({
      type: "message",
      message: { id: sent.id, conversationId, senderId: client.user.id, body: "Hello there", attachments: [], createdAt: sent.createdAt },
    });
    expect((await clientSocket.next((m) => m.type === "message")).message.id).toBe(sent.id);
    clientSocket.socket.close(1000);
    freelancerSocket.socket.close(1000);
  });

  it("passes typing to the other member, not back to the typist, and ignores anything else a browser sends", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const room = `conversation:${conversationId}`;
    const clientSocket = await joinRoom(client, room);
    const freelancerSocket = await joinRoom(freelancer, room);
    clientSocket.socket.send(JSON.stringify({ type: "message", message: { body: "forged", senderId: freelancer.user.id } }));
    clientSocket.socket.send(JSON.stringify({ type: "read", userId: freelancer.user.id, lastReadId: "x" }));
    clientSocket.socket.send("not json");
    clientSocket.socket.send(JSON.stringify({ type: "typing" }));
    expect(await freelancerSocket.next()).toEqual({ type: "typing", userId: client.user.id });
    // Room output is ordered per socket: a stored message after the typing ping shows what came before it.
    const sent = await send(freelancer, conversationId, "marker");
    expect(await clientSocket.next()).toMatchObject({ type: "message", message: { id: sent.id } });
    expect(await freelancerSocket.next()).toMatchObject({ type: "message", message: { id: sent.id } });
    expect(clientSocket.pending()).toEqual([]);
    clientSocket.socket.close(1000);
    freelancerSocket.socket.close(1000);
  });

  it("broadcasts read receipts and never moves the read pointer back", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const first = await send(client, conversationId, "one");
    const second = await send(client, conversationId, "two");
    const clientSocket = await joinRoom(client, `conversation:${conversationId}`);
    const read = await call(`/api/conversations/${conversationId}/read`, {
      token: freelancer.accessToken,
      body: { lastReadId: second.id },
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ lastReadId: second.id, unreadCount: 0 });
    expect(await clientSocket.next()).toEqual({ type: "read", userId: freelancer.user.id, lastReadId: second.id });
    const back = await call(`/api/conversations/${conversationId}/read`, { token: freelancer.accessToken, body: { lastReadId: first.id } });
    expect(back.body).toEqual({ lastReadId: second.id, unreadCount: 0 });
    clientSocket.socket.close(1000);
  });

  it("lets a reconnecting client catch up from the last id it saw", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const room = `conversation:${conversationId}`;
    let socket = await joinRoom(freelancer, room);
    await send(client, conversationId, "seen live");
    const lastSeen = (await socket.next((m) => m.type === "message")).message.id as string;
    socket.socket.close(1000);
    const missed = [await send(client, conversationId, "missed 1"), await send(client, conversationId, "missed 2")];
    socket = await joinRoom(freelancer, room);
    const catchUp = await call(`/api/conversations/${conversationId}/messages?after=${lastSeen}`, { token: freelancer.accessToken });
    expect(catchUp.status).toBe(200);
    expect(catchUp.body.items.map((m: { id: string }) => m.id)).toEqual(missed.map((m) => m.id));
    expect(catchUp.body.nextCursor).toBeNull();
    const after = await send(client, conversationId, "live again");
    expect((await socket.next((m) => m.type === "message")).message.id).toBe(after.id);
    socket.socket.close(1000);
  });
});
