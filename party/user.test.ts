import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../worker/index";
import { notify } from "../worker/domain/notifications/notify";
import { domainContextFromEnv } from "../worker/platform/domain-context";
import { call } from "../worker/test-support/api";
import { incoming } from "../worker/test-support/incoming";
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

  it("gets the total across all the recipient's conversations, from one query per send in the send's own batch", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const [elsewhere, elsewhereId] = await pairWith(freelancer);
    await send(elsewhere, elsewhereId, "unread elsewhere 1");
    const readUpTo = await send(elsewhere, elsewhereId, "unread elsewhere 2");
    await send(elsewhere, elsewhereId, "unread elsewhere 3");
    await call(`/api/conversations/${elsewhereId}/read`, { token: freelancer.accessToken, body: { lastReadId: readUpTo.id } });
    await send(freelancer, conversationId, "the recipient's own message does not count");
    const socket = await joinRoom(freelancer, `user:${freelancer.user.id}`);
    const clientSocket = await joinRoom(client, `user:${client.user.id}`);

    const { status, roundTrips } = await sendCountingRoundTrips(client.accessToken, conversationId, "hello");
    expect(status).toBe(201);
    expect(await socket.next()).toMatchObject({ type: "message", conversationId, unread: 2, message: { body: "hello" } });
    // The sender's own room hears nothing: only recipients are told.
    expect(clientSocket.pending()).toEqual([]);
    // The session, membership, then the write with the recipients' totals in one batch: no read per recipient after it.
    expect(roundTrips).toBe(3);
    socket.socket.close(1000);
    clientSocket.socket.close(1000);
  });
});

/** Sends through the Worker against a tagged database URL and reads back how many requests the database server saw. */
async function sendCountingRoundTrips(token: string, conversationId: string, body: string) {
  const tag = `send-${crypto.randomUUID().slice(0, 8)}`;
  const base = env.DATABASE_URL.replace(/\/+$/, "");
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    incoming(
      new Request(`http://localhost/api/conversations/${conversationId}/messages`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ body }),
      }),
    ),
    { ...env, DATABASE_URL: `${base}/tag/${tag}/` },
    ctx,
  );
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  const stats = (await (await fetch(`${base}/stats`)).json()) as { tags: Record<string, { requests: number }> };
  return { status: res.status, roundTrips: stats.tags[tag]?.requests ?? 0 };
}

/** A conversation in which `recipient` is the freelancer, and a message for them. */
async function pairWith(recipient: Awaited<ReturnType<typeof createTestUser>>) {
  const client = await createTestUser(env, { roles: ["client"] });
  const res = await call("/api/conversations", { token: client.accessToken, body: { participantId: recipient.user.id } });
  return [client, res.body.conversation.id as string, "ping"] as const;
}
