import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calls, notifications } from "../../db/schema";
import { offeredContract } from "../domain/contracts/test-fixtures";
import { RING_TIMEOUT_MS } from "../domain/calls/rules";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "../test-support/api";
import { callAction, ringingCall, startCallAs } from "../test-support/calls";
import { conversationPair, createTestUser, joinRoom } from "../test-support/messaging";

const db = () => domainContextFromEnv(env).db;
const row = async (id: string) => (await db().select().from(calls).where(eq(calls.id, id)))[0];

describe("POST /api/calls", () => {
  it("starts a ringing call in a conversation; the other side gets a live ring and a notification", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const personal = await joinRoom(freelancer, `user:${freelancer.user.id}`);
    const started = await startCallAs(client, { conversationId });
    expect(started).toMatchObject({
      conversationId,
      contractId: null,
      startedBy: client.user.id,
      status: "ringing",
      media: "p2p",
      answeredAt: null,
      endedAt: null,
      durationSeconds: null,
    });
    expect(started.participants.map((p) => p.id).sort()).toEqual([client.user.id, freelancer.user.id].sort());
    expect(await personal.next((m) => m.type === "call")).toEqual({ type: "call", call: started });
    const ring = await personal.next((m) => m.type === "notification");
    expect(ring.notification).toMatchObject({ type: "call_incoming", link: `/calls/${started.id}` });
    const stored = await db().select().from(notifications).where(eq(notifications.userId, freelancer.user.id));
    expect(stored.map((n) => n.type)).toContain("call_incoming");
    personal.socket.close(1000);
  });

  it("starts a call from a contract, in the contract's conversation", async () => {
    const fixture = await offeredContract(domainContextFromEnv(env));
    const res = await call("/api/calls", { token: fixture.freelancerToken, body: { contractId: fixture.contractId } });
    expect(res.status).toBe(201);
    expect(res.body.call).toMatchObject({ contractId: fixture.contractId, startedBy: fixture.freelancer.id, status: "ringing" });
    const conversation = await call(`/api/conversations/${res.body.call.conversationId}`, { token: fixture.clientToken });
    expect(conversation.body.conversation.contractId).toBe(fixture.contractId);
    const outsider = await createTestUser(env, { roles: ["client"] });
    const refused = await call("/api/calls", { token: outsider.accessToken, body: { contractId: fixture.contractId } });
    expect(refused.status).toBe(404);
  });

  it("refuses strangers, bad input and a second call while one is live, changing nothing", async () => {
    const { client, freelancer, conversationId, call: live } = await ringingCall();
    const stranger = await createTestUser(env, { roles: ["client"] });
    const count = async () => (await db().select().from(calls).where(eq(calls.conversationId, conversationId))).length;
    expect((await call("/api/calls", { body: { conversationId } })).status).toBe(401);
    expect((await call("/api/calls", { token: stranger.accessToken, body: { conversationId } })).status).toBe(404);
    for (const body of [{}, { conversationId, contractId: conversationId }, { conversationId: "a/b" }]) {
      const res = await call("/api/calls", { token: client.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const again = await call("/api/calls", { token: freelancer.accessToken, body: { conversationId } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("call_in_progress");
    expect(await count()).toBe(1);
    expect((await row(live.id)).status).toBe("ringing");
  });
});

describe("answering and hanging up", () => {
  it("accept makes the call active, end stores who, when and how long", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    const accepted = await callAction(freelancer, started.id, "accept");
    expect(accepted.status).toBe(200);
    expect(accepted.body.call.status).toBe("active");
    expect(accepted.body.call.answeredAt).not.toBeNull();
    // Two minutes of talking, set on the row so the stored duration can be checked exactly.
    const answeredAt = new Date(Date.now() - 125_000);
    await db().update(calls).set({ answeredAt }).where(eq(calls.id, started.id));
    const ended = await callAction(client, started.id, "end");
    expect(ended.status).toBe(200);
    expect(ended.body.call).toMatchObject({ status: "ended" });
    expect(ended.body.call.durationSeconds).toBeGreaterThanOrEqual(125);
    expect(ended.body.call.durationSeconds).toBeLessThan(135);
    expect((await callAction(freelancer, started.id, "end")).status).toBe(409);
    expect((await callAction(freelancer, started.id, "accept")).status).toBe(409);
  });

  it("decline ends a ring without a duration; the caller cannot accept or decline their own call", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    expect((await callAction(client, started.id, "accept")).status).toBe(403);
    expect((await callAction(client, started.id, "decline")).status).toBe(403);
    expect((await row(started.id)).status).toBe("ringing");
    const declined = await callAction(freelancer, started.id, "decline");
    expect(declined.body.call).toMatchObject({ status: "declined", durationSeconds: null });
    expect((await callAction(freelancer, started.id, "accept")).status).toBe(409);
  });

  it("the caller hanging up before an answer leaves a missed call", async () => {
    const { client, call: started } = await ringingCall();
    const res = await callAction(client, started.id, "end");
    expect(res.body.call).toMatchObject({ status: "missed", durationSeconds: null, answeredAt: null });
  });

  it("a ring nobody answers in time is missed, and can no longer be accepted", async () => {
    const { freelancer, call: started } = await ringingCall();
    await db()
      .update(calls)
      .set({ startedAt: new Date(Date.now() - RING_TIMEOUT_MS - 1000) })
      .where(eq(calls.id, started.id));
    const res = await callAction(freelancer, started.id, "accept");
    expect(res.status).toBe(409);
    expect((await row(started.id)).status).toBe("missed");
  });

  it("only participants see or change a call", async () => {
    const { call: started } = await ringingCall();
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    expect((await call(`/api/calls/${started.id}`)).status).toBe(401);
    expect((await call(`/api/calls/${started.id}`, { token: stranger.accessToken })).status).toBe(404);
    for (const action of ["accept", "decline", "end"] as const) {
      expect((await callAction(stranger, started.id, action)).status, action).toBe(404);
    }
    expect((await row(started.id)).status).toBe("ringing");
    const ticket = await call("/api/rooms/ticket", { token: stranger.accessToken, body: { room: `call:${started.id}` } });
    expect(ticket.status).toBe(404);
  });
});

describe("GET /api/conversations/:id/calls", () => {
  it("pages through a conversation's history, newest first, for members only", async () => {
    const { client, freelancer, conversationId, call: first } = await ringingCall();
    await callAction(freelancer, first.id, "decline");
    const second = await startCallAs(freelancer, { conversationId });
    await callAction(freelancer, second.id, "end");
    const third = await startCallAs(client, { conversationId });
    const page1 = await call(`/api/conversations/${conversationId}/calls?limit=2`, { token: client.accessToken });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([third.id, second.id]);
    expect(page1.body.items.map((c: { status: string }) => c.status)).toEqual(["ringing", "missed"]);
    const page2 = await call(`/api/conversations/${conversationId}/calls?limit=2&cursor=${page1.body.nextCursor}`, {
      token: freelancer.accessToken,
    });
    expect(page2.body).toMatchObject({ items: [{ id: first.id, status: "declined" }], nextCursor: null });
    const stranger = await createTestUser(env, { roles: ["client"] });
    expect((await call(`/api/conversations/${conversationId}/calls`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call(`/api/conversations/${conversationId}/calls?limit=500`, { token: client.accessToken })).status).toBe(422);
  });
});
