import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { files } from "../../db/schema";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "../test-support/api";
import { conversationPair, createProject, createProposal, createTestUser, send } from "../test-support/messaging";

const start = (token: string, body: Record<string, unknown>) => call("/api/conversations", { token, body });

describe("POST /api/conversations", () => {
  it("lets a client open a conversation with any freelancer, once per pair and context", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const first = await start(client.accessToken, { participantId: freelancer.user.id });
    expect(first.status).toBe(201);
    expect(first.body.conversation).toMatchObject({
      clientId: client.user.id,
      freelancerId: freelancer.user.id,
      projectId: null,
      contractId: null,
      unreadCount: 0,
      lastMessage: null,
      otherParticipant: { id: freelancer.user.id, name: freelancer.user.name, role: "freelancer" },
    });
    const again = await start(client.accessToken, { participantId: freelancer.user.id });
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(first.body.conversation.id);
    const fromOtherSide = await start(freelancer.accessToken, { participantId: client.user.id });
    expect(fromOtherSide.status).toBe(403);

    const projectId = await createProject(client.user);
    const aboutProject = await start(client.accessToken, { participantId: freelancer.user.id, projectId });
    expect(aboutProject.status).toBe(201);
    expect(aboutProject.body.conversation.projectId).toBe(projectId);
    expect(aboutProject.body.conversation.id).not.toBe(first.body.conversation.id);
  });

  it("lets a freelancer write to a client only after proposing to one of their projects", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const projectId = await createProject(client.user);
    const refused = await start(freelancer.accessToken, { participantId: client.user.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("conversation_not_allowed");
    expect((await start(freelancer.accessToken, { participantId: client.user.id, projectId })).status).toBe(403);

    await createProposal(projectId, freelancer.user);
    const direct = await start(freelancer.accessToken, { participantId: client.user.id });
    expect(direct.status).toBe(201);
    expect(direct.body.conversation).toMatchObject({ clientId: client.user.id, freelancerId: freelancer.user.id });
    const aboutProject = await start(freelancer.accessToken, { participantId: client.user.id, projectId });
    expect(aboutProject.status).toBe(201);
    // The client finds the same thread when they open it from their side.
    const clientSide = await start(client.accessToken, { participantId: freelancer.user.id, projectId });
    expect(clientSide.status).toBe(200);
    expect(clientSide.body.conversation.id).toBe(aboutProject.body.conversation.id);
  });

  it("refuses yourself, unknown users, two clients, someone else's project, and anonymous callers", async () => {
    const client = await createTestUser(env, { roles: ["client"] });
    const otherClient = await createTestUser(env, { roles: ["client"] });
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    expect((await start(client.accessToken, { participantId: client.user.id })).status).toBe(422);
    expect((await start(client.accessToken, { participantId: "01NOSUCHUSER00000000000000" })).status).toBe(404);
    expect((await start(client.accessToken, { participantId: otherClient.user.id })).status).toBe(403);
    const theirs = await createProject(otherClient.user);
    expect((await start(client.accessToken, { participantId: freelancer.user.id, projectId: theirs })).status).toBe(403);
    expect((await start(client.accessToken, { participantId: freelancer.user.id, contractId: "01NOSUCHCONTRACT0000000000" })).status).toBe(
      404,
    );
    expect((await call("/api/conversations", { body: { participantId: freelancer.user.id } })).status).toBe(401);
  });
});

describe("messages", () => {
  it("stores trimmed bodies of 1..5000 characters and refuses the rest", async () => {
    const { client, conversationId } = await conversationPair();
    const path = `/api/conversations/${conversationId}/messages`;
    expect((await call(path, { token: client.accessToken, body: { body: "   " } })).status).toBe(422);
    expect((await call(path, { token: client.accessToken, body: { body: "x".repeat(5001) } })).status).toBe(422);
    expect((await call(path, { token: client.accessToken, body: {} })).status).toBe(422);
    const longest = await call(path, { token: client.accessToken, body: { body: ` ${"y".repeat(5000)} ` } });
    expect(longest.status).toBe(201);
    expect(longest.body.message.body).toHaveLength(5000);
    const list = await call(path, { token: client.accessToken });
    expect(list.body.items).toHaveLength(1);
  });

  it("pages back through history oldest-first and catches up forwards", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const sent = [];
    for (let i = 1; i <= 5; i++) sent.push(await send(i % 2 ? client : freelancer, conversationId, `message ${i}`));
    const path = `/api/conversations/${conversationId}/messages`;
    const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((m) => m.id);
    const newest = await call(`${path}?limit=2`, { token: client.accessToken });
    expect(ids(newest)).toEqual([sent[3].id, sent[4].id]);
    const older = await call(`${path}?limit=2&before=${newest.body.nextCursor}`, { token: client.accessToken });
    expect(ids(older)).toEqual([sent[1].id, sent[2].id]);
    const oldest = await call(`${path}?limit=2&before=${older.body.nextCursor}`, { token: client.accessToken });
    expect(ids(oldest)).toEqual([sent[0].id]);
    expect(oldest.body.nextCursor).toBeNull();
    const forward = await call(`${path}?limit=3&after=${sent[0].id}`, { token: freelancer.accessToken });
    expect(ids(forward)).toEqual([sent[1].id, sent[2].id, sent[3].id]);
    const rest = await call(`${path}?limit=3&after=${forward.body.nextCursor}`, { token: freelancer.accessToken });
    expect(ids(rest)).toEqual([sent[4].id]);
    expect((await call(`${path}?limit=101`, { token: client.accessToken })).status).toBe(422);
    expect((await call(`${path}?before=${sent[1].id}&after=${sent[0].id}`, { token: client.accessToken })).status).toBe(422);
  });

  it("searches one conversation, treating % and _ literally", async () => {
    const { client, conversationId } = await conversationPair();
    const other = await conversationPair();
    await send(client, conversationId, "The budget is 100% fixed");
    await send(client, conversationId, "The budget is 1000 fixed");
    await send(client, conversationId, "snake_case names");
    await send(client, conversationId, "snakeXcase names");
    await send(other.client, other.conversationId, "The budget is 100% fixed");
    const search = async (q: string) =>
      (
        await call(`/api/conversations/${conversationId}/messages?q=${encodeURIComponent(q)}`, { token: client.accessToken })
      ).body.items.map((m: { body: string }) => m.body);
    expect(await search("100%")).toEqual(["The budget is 100% fixed"]);
    expect(await search("snake_case")).toEqual(["snake_case names"]);
    expect(await search("BUDGET")).toEqual(["The budget is 100% fixed", "The budget is 1000 fixed"]);
    expect(await search("nothing like this")).toEqual([]);
  });

  it("keeps attachments that are the sender's own uploads, with the stored type and size", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const ctx = domainContextFromEnv(env);
    const key = `uploads/${ctx.newId()}`;
    const strangersKey = `uploads/${ctx.newId()}`;
    await ctx.db.insert(files).values([
      { key, ownerId: client.user.id, purpose: "attachment", contentType: "application/pdf", size: 1234 },
      { key: strangersKey, ownerId: freelancer.user.id, purpose: "attachment", contentType: "image/png", size: 10 },
    ]);
    const path = `/api/conversations/${conversationId}/messages`;
    const ok = await call(path, {
      token: client.accessToken,
      body: { body: "The brief", attachments: [{ key, name: "brief.pdf", contentType: "text/html", size: 1 }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.message.attachments).toEqual([{ key, name: "brief.pdf", contentType: "application/pdf", size: 1234 }]);
    const notMine = await call(path, {
      token: client.accessToken,
      body: { body: "Theirs", attachments: [{ key: strangersKey, name: "x.png", contentType: "image/png", size: 10 }] },
    });
    expect(notMine.status).toBe(422);
    expect(notMine.body.error.fields.attachments).toBeDefined();
  });

  it("limits each user to 30 messages a minute with 429 and Retry-After", async () => {
    const { client, conversationId } = await conversationPair();
    for (let i = 0; i < 30; i++) await send(client, conversationId, `burst ${i}`);
    const limited = await call(`/api/conversations/${conversationId}/messages`, {
      token: client.accessToken,
      body: { body: "one too many" },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("too_many_messages");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    const list = await call(`/api/conversations/${conversationId}/messages?limit=100`, { token: client.accessToken });
    expect(list.body.items).toHaveLength(30);
  });
});

describe("membership", () => {
  it("answers 404 to non-members on every conversation route, and 401 without credentials", async () => {
    const { client, conversationId } = await conversationPair();
    const message = await send(client, conversationId, "private");
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    const token = stranger.accessToken;
    const base = `/api/conversations/${conversationId}`;
    expect((await call(base, { token })).status).toBe(404);
    expect((await call(`${base}/messages`, { token })).status).toBe(404);
    expect((await call(`${base}/messages?after=${message.id}`, { token })).status).toBe(404);
    expect((await call(`${base}/messages`, { token, body: { body: "let me in" } })).status).toBe(404);
    expect((await call(`${base}/read`, { token, body: { lastReadId: message.id } })).status).toBe(404);
    expect((await call("/api/rooms/ticket", { token, body: { room: `conversation:${conversationId}` } })).status).toBe(404);
    expect((await call("/api/conversations", { token })).body.items).toEqual([]);

    for (const [path, body] of [
      ["/api/conversations", undefined],
      ["/api/conversations/unread-count", undefined],
      [`${base}/messages`, undefined],
      [`${base}/messages`, { body: "hi" }],
      [`${base}/read`, { lastReadId: message.id }],
      ["/api/rooms/ticket", { room: "presence" }],
    ] as const) {
      expect((await call(path, { body })).status, path).toBe(401);
    }
    const history = await call(`${base}/messages`, { token: client.accessToken });
    expect(history.body.items.map((m: { body: string }) => m.body)).toEqual(["private"]);
  });
});

describe("unread counts and the conversation list", () => {
  it("counts others' messages after the read pointer, per conversation and in total, newest activity first", async () => {
    const freelancer = await createTestUser(env, { roles: ["freelancer"] });
    const clientA = await createTestUser(env, { roles: ["client"] });
    const clientB = await createTestUser(env, { roles: ["client"] });
    const a = (await start(clientA.accessToken, { participantId: freelancer.user.id })).body.conversation.id;
    const b = (await start(clientB.accessToken, { participantId: freelancer.user.id })).body.conversation.id;
    await send(clientA, a, "a1");
    await send(clientA, a, "a2");
    const lastB = await send(clientB, b, "b1");
    await send(freelancer, a, "my own reply does not count");
    const latestA = await send(clientA, a, "a3");

    const list = await call("/api/conversations", { token: freelancer.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string; unreadCount: number }) => [c.id, c.unreadCount])).toEqual([
      [a, 1],
      [b, 1],
    ]);
    expect(list.body.items[0].lastMessage).toMatchObject({ id: latestA.id, body: "a3" });
    expect((await call("/api/conversations/unread-count", { token: freelancer.accessToken })).body).toEqual({ unread: 2 });

    await call(`/api/conversations/${b}/read`, { token: freelancer.accessToken, body: { lastReadId: lastB.id } });
    expect((await call("/api/conversations/unread-count", { token: freelancer.accessToken })).body).toEqual({ unread: 1 });
    expect((await call(`/api/conversations/${a}/read`, { token: freelancer.accessToken, body: { lastReadId: lastB.id } })).status).toBe(
      422,
    );

    const page = await call("/api/conversations?limit=1", { token: freelancer.accessToken });
    expect(page.body.items.map((c: { id: string }) => c.id)).toEqual([a]);
    const next = await call(`/api/conversations?limit=1&cursor=${page.body.nextCursor}`, { token: freelancer.accessToken });
    expect(next.body.items.map((c: { id: string }) => c.id)).toEqual([b]);
    expect(next.body.nextCursor).toBeNull();
    expect((await call("/api/conversations?cursor=garbage", { token: freelancer.accessToken })).status).toBe(422);
  });
});
