import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callParticipants, calls, notifications } from "../../db/schema";
import type { CallView } from "../../party/call-messages";
import { RING_TIMEOUT_MS, SFU_MAX_PARTICIPANTS } from "../domain/calls/rules";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "../test-support/api";
import { callAction, ringingCall, waitForCall } from "../test-support/calls";
import { createTestUser, joinRoom, type TestUser } from "../test-support/messaging";

const db = () => domainContextFromEnv(env).db;

/** A freelancer the client has a conversation with (clients may write to any freelancer). */
async function contactOf(client: TestUser, name?: string): Promise<TestUser> {
  const freelancer = await createTestUser(env, { roles: ["freelancer"], name });
  const res = await call("/api/conversations", { token: client.accessToken, body: { participantId: freelancer.user.id } });
  expect(res.status).toBe(201);
  return freelancer;
}

const invite = (by: TestUser, callId: string, userId: string) =>
  call<{ call: CallView; error: { code: string } }>(`/api/calls/${callId}/invite`, { token: by.accessToken, body: { userId } });

const stateOf = (view: CallView, userId: string) => view.participants.find((p) => p.id === userId)?.state;

/** An answered call between a client and a freelancer. */
async function activeCall() {
  const ringing = await ringingCall();
  expect((await callAction(ringing.freelancer, ringing.call.id, "accept")).status).toBe(200);
  return ringing;
}

async function participantRows(callId: string) {
  return db().select().from(callParticipants).where(eq(callParticipants.callId, callId));
}

describe("POST /api/calls/:id/invite", () => {
  it("rings a contact of the inviter into an active call; accepting makes three people and Calls media", async () => {
    const { client, freelancer, call: started } = await activeCall();
    const third = await contactOf(client, "Theo Third");
    const personal = await joinRoom(third, `user:${third.user.id}`);
    const theirs = await joinRoom(freelancer, `user:${freelancer.user.id}`);

    const res = await invite(client, started.id, third.user.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const invited = res.body.call;
    expect(invited.status).toBe("active");
    expect(invited.participants.find((p) => p.id === third.user.id)).toMatchObject({
      name: "Theo Third",
      state: "invited",
      invitedBy: client.user.id,
    });
    // Calls is configured for these tests, so a third person moves the call's media to Cloudflare Calls.
    expect(invited.media).toBe("sfu");
    // The invitee's tabs ring like any call, and the people already in it learn about the change.
    expect(await personal.next((m) => m.type === "call")).toEqual({ type: "call", call: invited });
    const ring = await personal.next((m) => m.type === "notification");
    expect(ring.notification).toMatchObject({ type: "call_incoming", link: `/calls/${started.id}` });
    expect((await theirs.next((m) => m.type === "call")).call.media).toBe("sfu");
    const stored = await db().select().from(notifications).where(eq(notifications.userId, third.user.id));
    expect(stored.map((n) => n.type)).toContain("call_incoming");

    // The invitee may now see the call and get a ticket for its room.
    expect((await call(`/api/calls/${started.id}`, { token: third.accessToken })).status).toBe(200);
    expect((await call("/api/rooms/ticket", { token: third.accessToken, body: { room: `call:${started.id}` } })).status).toBe(200);

    const accepted = await callAction(third, started.id, "accept");
    expect(accepted.status).toBe(200);
    expect(stateOf(accepted.body.call, third.user.id)).toBe("joined");
    expect(accepted.body.call.participants.map((p) => p.state)).toEqual(["joined", "joined", "joined"]);
    expect((await callAction(third, started.id, "accept")).status).toBe(409);
    personal.socket.close(1000);
    theirs.socket.close(1000);
  });

  it("with three in the call, hanging up leaves it to the others; the last two hanging up ends it", async () => {
    const { client, freelancer, call: started } = await activeCall();
    const third = await contactOf(client);
    await invite(client, started.id, third.user.id);
    await callAction(third, started.id, "accept");

    const left = await callAction(client, started.id, "end");
    expect(left.status).toBe(200);
    expect(left.body.call.status).toBe("active");
    expect(stateOf(left.body.call, client.user.id)).toBe("left");
    // Someone who left may come back while the call goes on.
    const back = await callAction(client, started.id, "accept");
    expect(back.status).toBe(200);
    expect(stateOf(back.body.call, client.user.id)).toBe("joined");

    expect((await callAction(freelancer, started.id, "end")).body.call.status).toBe("active");
    const ended = await callAction(third, started.id, "end");
    expect(ended.body.call.status).toBe("ended");
    expect(ended.body.call.durationSeconds).toEqual(expect.any(Number));
  });

  it("an invitee declining leaves the call going; they can be asked again", async () => {
    const { client, call: started } = await activeCall();
    const third = await contactOf(client);
    await invite(client, started.id, third.user.id);
    const declined = await callAction(third, started.id, "decline");
    expect(declined.status).toBe(200);
    expect(declined.body.call.status).toBe("active");
    expect(stateOf(declined.body.call, third.user.id)).toBe("declined");
    expect((await callAction(third, started.id, "accept")).status).toBe(409);
    const again = await invite(client, started.id, third.user.id);
    expect(again.status).toBe(200);
    expect(stateOf(again.body.call, third.user.id)).toBe("invited");
    // Hanging up on the ring declines it, as for the call's own members.
    expect(stateOf((await callAction(third, started.id, "end")).body.call, third.user.id)).toBe("declined");
  });

  it("may be sent while the call still rings; the first answer makes it active, and declines end it only when nobody is left", async () => {
    const { client, freelancer, call: started } = await ringingCall();
    const third = await contactOf(client);
    const fourth = await contactOf(client);
    expect((await invite(client, started.id, third.user.id)).status).toBe(200);
    expect((await invite(client, started.id, fourth.user.id)).status).toBe(200);
    // Someone rung is not in the call yet: they cannot add people.
    expect((await invite(freelancer, started.id, third.user.id)).status).toBe(403);
    expect((await callAction(freelancer, started.id, "decline")).body.call.status).toBe("ringing");
    expect((await callAction(third, started.id, "decline")).body.call.status).toBe("ringing");
    const lastNo = await callAction(fourth, started.id, "decline");
    expect(lastNo.body.call.status).toBe("declined");

    const second = await ringingCall();
    const other = await contactOf(second.client);
    await invite(second.client, second.call.id, other.user.id);
    const answered = await callAction(other, second.call.id, "accept");
    expect(answered.body.call.status).toBe("active");
    expect(answered.body.call.answeredAt).not.toBeNull();
    // The conversation's own member was still rung and can join later.
    expect(stateOf(answered.body.call, second.freelancer.user.id)).toBe("invited");
    expect(stateOf((await callAction(second.freelancer, second.call.id, "accept")).body.call, second.freelancer.user.id)).toBe("joined");
  });

  it("refuses with clear errors and changes nothing", async () => {
    const { client, freelancer, call: started } = await activeCall();
    const contact = await contactOf(client);
    const strangerToClient = await createTestUser(env, { roles: ["freelancer"] });
    const outsider = await createTestUser(env, { roles: ["client"] });
    const before = await participantRows(started.id);

    expect((await call(`/api/calls/${started.id}/invite`, { body: { userId: contact.user.id } })).status).toBe(401);
    // Not a participant: the call does not exist for them.
    expect((await invite(outsider, started.id, contact.user.id)).status).toBe(404);
    expect((await invite(client, "nosuchcall", contact.user.id)).status).toBe(404);
    // Nobody by that id (or a blocked account).
    expect((await invite(client, started.id, "nosuchuser")).status).toBe(404);
    // No conversation between the inviter and the person.
    const noConversation = await invite(client, started.id, strangerToClient.user.id);
    expect(noConversation.status).toBe(403);
    expect(noConversation.body.error.code).toBe("call_invite_not_allowed");
    // Already in the call, or oneself.
    const already = await invite(client, started.id, freelancer.user.id);
    expect(already.status).toBe(409);
    expect(already.body.error.code).toBe("already_in_call");
    expect((await invite(client, started.id, client.user.id)).status).toBe(422);
    for (const body of [{}, { userId: "a/b" }, { userId: 5 }]) {
      const res = await call(`/api/calls/${started.id}/invite`, { token: client.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await participantRows(started.id)).toEqual(before);

    // A call that is over takes nobody new.
    await callAction(client, started.id, "end");
    const over = await invite(freelancer, started.id, contact.user.id);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("call_over");
    expect(await participantRows(started.id)).toHaveLength(2);
  });

  it("refuses a call that is full", async () => {
    const { client, call: started } = await activeCall();
    // Fill the call up to its limit directly, then one more invitation is refused.
    const now = new Date();
    for (let i = 0; i < SFU_MAX_PARTICIPANTS - 2; i++) {
      const filler = await createTestUser(env, { roles: ["freelancer"] });
      await db()
        .insert(callParticipants)
        .values({ callId: started.id, userId: filler.user.id, invitedAt: now, answeredAt: now, createdAt: now });
    }
    const contact = await contactOf(client);
    const full = await invite(client, started.id, contact.user.id);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("call_full");
    const rows = await db()
      .select()
      .from(callParticipants)
      .where(and(eq(callParticipants.callId, started.id), eq(callParticipants.userId, contact.user.id)));
    expect(rows).toEqual([]);
  });

  it("an invitation to a call under way stops ringing after the ring timeout but still lets them join", async () => {
    const { client, call: started } = await activeCall();
    const third = await contactOf(client);
    await invite(client, started.id, third.user.id);
    await db()
      .update(callParticipants)
      .set({ invitedAt: new Date(Date.now() - RING_TIMEOUT_MS - 1000) })
      .where(and(eq(callParticipants.callId, started.id), eq(callParticipants.userId, third.user.id)));
    // The call itself is not a ringing call, so reading it does not settle anything.
    expect((await waitForCall(third, started.id, () => true)).status).toBe("active");
    expect(stateOf((await callAction(third, started.id, "accept")).body.call, third.user.id)).toBe("joined");
    expect((await db().select().from(calls).where(eq(calls.id, started.id)))[0].status).toBe("active");
  });
});

describe("GET /api/calls/:id/invitees", () => {
  it("lists the viewer's conversation partners not in the call, by name, in pages", async () => {
    const { client, freelancer, call: started } = await activeCall();
    const names = ["Ada Adder", "Bea Builder", "Cal Coder"];
    const contacts = [];
    for (const name of names) contacts.push(await contactOf(client, name));
    await createTestUser(env, { roles: ["freelancer"], name: "Ada Absent" });

    const first = await call(`/api/calls/${started.id}/invitees?limit=2`, { token: client.accessToken });
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(["Ada Adder", "Bea Builder"]);
    const second = await call(`/api/calls/${started.id}/invitees?limit=2&cursor=${first.body.nextCursor}`, { token: client.accessToken });
    expect(second.body.items.map((p: { name: string }) => p.name)).toEqual(["Cal Coder"]);
    expect(second.body.nextCursor).toBeNull();
    // The freelancer already in the call is never offered.
    const all = [...first.body.items, ...second.body.items].map((p: { id: string }) => p.id);
    expect(all).not.toContain(freelancer.user.id);

    const search = await call(`/api/calls/${started.id}/invitees?q=ea%20b`, { token: client.accessToken });
    expect(search.body.items.map((p: { name: string }) => p.name)).toEqual(["Bea Builder"]);
    const wildcard = await call(`/api/calls/${started.id}/invitees?q=%25`, { token: client.accessToken });
    expect(wildcard.body.items).toEqual([]);

    await invite(client, started.id, contacts[0].user.id);
    const after = await call(`/api/calls/${started.id}/invitees`, { token: client.accessToken });
    expect(after.body.items.map((p: { name: string }) => p.name)).toEqual(["Bea Builder", "Cal Coder"]);

    const outsider = await createTestUser(env, { roles: ["client"] });
    expect((await call(`/api/calls/${started.id}/invitees`, { token: outsider.accessToken })).status).toBe(404);
    expect((await call(`/api/calls/${started.id}/invitees?limit=500`, { token: client.accessToken })).status).toBe(422);
    expect((await call(`/api/calls/${started.id}/invitees?cursor=nosuchuser`, { token: client.accessToken })).status).toBe(422);
  });
});
