import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { notify } from "../worker/domain/notifications/notify";
import { domainContextFromEnv } from "../worker/platform/domain-context";
import { call } from "../worker/test-support/api";
import { conversationPair, createTestUser, joinRoom, send, ticketFor, upgrade } from "../worker/test-support/messaging";

describe("personal room user:<id>", () => {
  it("admits only its owner", async () => {
    const owner = await createTestUser(env);
    const other = await createTestUser(env);
    expect((await call("/api/rooms/ticket", { token: other.accessToken, body: { room: `user:${owner.user.id}` } })).status).toBe(403);
    const { ticket } = await ticketFor(other, `user:${other.user.id}`);
    const res = await upgrade(`http://localhost/parties/user/${owner.user.id}?ticket=${ticket}`);
    expect(res.status).toBe(403);
    expect(res.webSocket).toBeNull();
  });

  it("receives a notification the moment notify() stores it", async () => {
    const user = await createTestUser(env, { roles: ["freelancer"] });
    const bystander = await createTestUser(env, { roles: ["freelancer"] });
    const socket = await joinRoom(user, `user:${user.user.id}`);
    const otherSocket = await joinRoom(bystander, `user:${bystander.user.id}`);
    const { notification } = await notify(domainContextFromEnv(env), user.user.id, "project_invited", {
      title: "You are invited",
      body: "A client invited you to a project.",
      link: "/projects/x",
    });
    expect(notification).not.toBeNull();
    const live = await socket.next();
    expect(live).toMatchObject({ type: "notification", notification: { id: notification!.id, title: "You are invited", read: false } });
    await send(...(await pairWith(bystander)));
    expect((await otherSocket.next()).type).toBe("message");
    expect(otherSocket.pending()).toEqual([]);
    socket.socket.close(1000);
    otherSocket.socket.close(1000);
  });

  it("gets new messages with the total unread count, and the count again after reading", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const socket = await joinRoom(freelancer, `user:${freelancer.user.id}`);
    await send(client, conversationId, "first");
    const second = await send(client, conversationId, "second");
    expect(await socket.next()).toMatchObject({ type: "message", conversationId, unread: 1, message: { body: "first" } });
    expect(await socket.next()).toMatchObject({ type: "message", conversationId, unread: 2, message: { id: second.id } });
    await call(`/api/conversations/${conversationId}/read`, { token: freelancer.accessToken, body: { lastReadId: second.id } });
    expect(await socket.next()).toEqual({ type: "unread", unread: 0 });
    socket.socket.close(1000);
  });
});

/** A conversation in which `recipient` is the freelancer, and a message for them. */
async function pairWith(recipient: Awaited<ReturnType<typeof createTestUser>>) {
  const client = await createTestUser(env, { roles: ["client"] });
  const res = await call("/api/conversations", { token: client.accessToken, body: { participantId: recipient.user.id } });
  return [client, res.body.conversation.id as string, "ping"] as const;
}
