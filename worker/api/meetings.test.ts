import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, notifications } from "../../db/schema";
import { offeredContract } from "../domain/contracts/test-fixtures";
import { domainContextFromEnv } from "../platform/domain-context";
import { call } from "../test-support/api";
import { waitForMail } from "../test-support/mail";
import { conversationPair, createTestUser, type TestUser } from "../test-support/messaging";

const db = () => domainContextFromEnv(env).db;
const HOUR_MS = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR_MS) / 60_000) * 60_000).toISOString();
const stored = async (id: string) => (await db().select().from(meetings).where(eq(meetings.id, id)))[0];

async function propose(user: TestUser, body: Record<string, unknown>) {
  return call("/api/meetings", { token: user.accessToken, body: { title: "Walk through the plan", durationMinutes: 30, ...body } });
}

async function ics(user: TestUser, id: string) {
  const res = await call<string>(`/api/meetings/${id}/ics`, { token: user.accessToken });
  return res;
}

describe("POST /api/meetings", () => {
  it("proposes a meeting in a conversation; the other side is told, and sees both time zones", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const startsAt = inHours(26);
    const res = await propose(client, { conversationId, startsAt, timeZone: "Europe/Berlin" });
    expect(res.status).toBe(201);
    expect(res.body.meeting).toMatchObject({
      conversationId,
      contractId: null,
      title: "Walk through the plan",
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      durationMinutes: 30,
      status: "proposed",
      sequence: 0,
      proposedBy: client.user.id,
      awaitingAnswerFrom: freelancer.user.id,
      organizer: { id: client.user.id, name: client.user.name, timeZone: "Europe/Berlin" },
      invitee: { id: freelancer.user.id, name: freelancer.user.name },
      canJoin: false,
    });
    const note = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, freelancer.user.id), eq(notifications.type, "meeting_proposed")));
    expect(note.map((n) => n.link)).toEqual([`/meetings/${res.body.meeting.id}`]);
  });

  it("proposes from a contract, in the contract's conversation", async () => {
    const fixture = await offeredContract(domainContextFromEnv(env));
    const res = await call("/api/meetings", {
      token: fixture.freelancerToken,
      body: { contractId: fixture.contractId, title: "Questions on the offer", startsAt: inHours(3), durationMinutes: 15 },
    });
    expect(res.status).toBe(201);
    expect(res.body.meeting).toMatchObject({
      contractId: fixture.contractId,
      proposedBy: fixture.freelancer.id,
      awaitingAnswerFrom: fixture.client.id,
    });
    const conversation = await call(`/api/conversations/${res.body.meeting.conversationId}`, { token: fixture.clientToken });
    expect(conversation.body.conversation.contractId).toBe(fixture.contractId);
  });

  it("refuses strangers, bad input and times in the past, storing nothing", async () => {
    const { client, conversationId } = await conversationPair();
    const stranger = await createTestUser(env, { roles: ["client"] });
    const count = async () => (await db().select().from(meetings).where(eq(meetings.conversationId, conversationId))).length;
    expect((await call("/api/meetings", { body: { conversationId, title: "x", startsAt: inHours(2), durationMinutes: 30 } })).status).toBe(
      401,
    );
    expect((await propose(stranger, { conversationId, startsAt: inHours(2) })).status).toBe(404);
    const bad: Record<string, unknown>[] = [
      { startsAt: inHours(2) },
      { conversationId, contractId: conversationId, startsAt: inHours(2) },
      { conversationId, startsAt: "tomorrow at noon" },
      { conversationId, startsAt: inHours(2), durationMinutes: 37 },
      { conversationId, startsAt: inHours(2), title: "" },
      { conversationId, startsAt: inHours(2), title: "x".repeat(121) },
      { conversationId, startsAt: inHours(2), timeZone: "Mars/Olympus" },
      { conversationId, startsAt: inHours(-1) },
      { conversationId, startsAt: inHours(24 * 400) },
    ];
    for (const body of bad) {
      const res = await propose(client, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBeTruthy();
    }
    const past = await propose(client, { conversationId, startsAt: inHours(-1) });
    expect(past.body.error.fields.startsAt).toEqual(["Choose a time at least 5 minutes from now."]);
    expect(await count()).toBe(0);
  });
});

describe("answering a meeting", () => {
  it("accept: both get the e-mail with the .ics invitation, and it shows on both dashboards' lists", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const startsAt = inHours(30);
    const { body } = await propose(client, { conversationId, startsAt });
    const id = body.meeting.id;
    const accepted = await call(`/api/meetings/${id}/accept`, { token: freelancer.accessToken, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.meeting).toMatchObject({ id, status: "accepted", awaitingAnswerFrom: null, sequence: 0 });
    for (const user of [client, freelancer]) {
      const mail = await waitForMail(user.user.email, "notification.meeting_answered");
      expect(mail.textBody).toContain(`/meetings/${id}`);
      expect(mail.attachments).toHaveLength(1);
      const [invite] = mail.attachments!;
      expect(invite.filename).toBe(`meeting-${id}.ics`);
      expect(invite.contentType).toMatch(/^text\/calendar/);
      expect(invite.content).toContain(`UID:meeting-${id}@localhost\r\n`);
      expect(invite.content).toContain("STATUS:CONFIRMED\r\n");
      const from = new Date(Date.parse(startsAt) - HOUR_MS).toISOString();
      const to = new Date(Date.parse(startsAt) + HOUR_MS).toISOString();
      const list = await call(`/api/meetings?from=${from}&to=${to}`, { token: user.accessToken });
      expect(list.status).toBe(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([id]);
    }
    const notes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, client.user.id), eq(notifications.type, "meeting_answered")));
    expect(notes).toHaveLength(1);
  });

  it("refuses the proposer answering their own time, strangers, and a second answer, changing nothing", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const stranger = await createTestUser(env, { roles: ["freelancer"] });
    const { body } = await propose(client, { conversationId, startsAt: inHours(5) });
    const id = body.meeting.id;
    const before = await stored(id);
    const own = await call(`/api/meetings/${id}/accept`, { token: client.accessToken, body: {} });
    expect(own.status).toBe(403);
    expect((await call(`/api/meetings/${id}/decline`, { token: client.accessToken, body: {} })).status).toBe(403);
    expect((await call(`/api/meetings/${id}/accept`, { token: stranger.accessToken, body: {} })).status).toBe(404);
    expect((await call(`/api/meetings/${id}/reschedule`, { token: stranger.accessToken, body: { startsAt: inHours(7) } })).status).toBe(
      404,
    );
    expect((await call(`/api/meetings/${id}/ics`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call(`/api/meetings/${id}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call(`/api/meetings/${id}/reschedule`, { token: freelancer.accessToken, body: { startsAt: "soon" } })).status).toBe(422);
    expect(await stored(id)).toEqual(before);
    expect((await call(`/api/meetings/${id}/decline`, { token: freelancer.accessToken, body: {} })).status).toBe(200);
    const declined = await stored(id);
    const again = await call(`/api/meetings/${id}/accept`, { token: freelancer.accessToken, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("meeting_answered");
    expect((await call(`/api/meetings/${id}/reschedule`, { token: client.accessToken, body: { startsAt: inHours(8) } })).status).toBe(409);
    expect(await stored(id)).toEqual(declined);
  });

  it("reschedule: another time waits for the other side again, and the .ics keeps its UID with SEQUENCE incremented", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const first = inHours(48);
    const { body } = await propose(client, { conversationId, startsAt: first, durationMinutes: 45 });
    const id = body.meeting.id;
    await call(`/api/meetings/${id}/accept`, { token: freelancer.accessToken, body: {} });
    const before = await ics(client, id);
    expect(before.status).toBe(200);
    expect(before.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(before.headers.get("Content-Disposition")).toContain(`meeting-${id}.ics`);
    const text = before.body;
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const dtstart = (s: string) => /\r\nDTSTART:(\d{8}T\d{6}Z)\r\n/.exec(s)?.[1];
    const line = (s: string, name: string) => new RegExp(`\\r\\n${name}:([^\\r]*)\\r\\n`).exec(s)?.[1];
    expect(dtstart(text)).toBe(first.replace(/[-:]/g, "").replace(".000", ""));
    expect(line(text, "DTEND")).toBe(new Date(Date.parse(first) + 45 * 60_000).toISOString().replace(/[-:]/g, "").replace(".000", ""));
    expect(line(text, "SEQUENCE")).toBe("0");
    expect(line(text, "UID")).toBe(`meeting-${id}@localhost`);
    expect(line(text, "SUMMARY")).toBe("Walk through the plan");

    const second = inHours(50);
    const moved = await call(`/api/meetings/${id}/reschedule`, { token: freelancer.accessToken, body: { startsAt: second } });
    expect(moved.status).toBe(200);
    expect(moved.body.meeting).toMatchObject({
      status: "proposed",
      startsAt: second,
      durationMinutes: 45,
      sequence: 1,
      proposedBy: freelancer.user.id,
      awaitingAnswerFrom: client.user.id,
    });
    const after = (await ics(freelancer, id)).body;
    expect(line(after, "UID")).toBe(`meeting-${id}@localhost`);
    expect(dtstart(after)).toBe(second.replace(/[-:]/g, "").replace(".000", ""));
    expect(line(after, "SEQUENCE")).toBe("1");
    expect(line(after, "STATUS")).toBe("TENTATIVE");
    // Now the freelancer proposed: only the client answers.
    expect((await call(`/api/meetings/${id}/accept`, { token: freelancer.accessToken, body: {} })).status).toBe(403);
    expect((await call(`/api/meetings/${id}/accept`, { token: client.accessToken, body: {} })).status).toBe(200);
    expect(line((await ics(client, id)).body, "SEQUENCE")).toBe("1");
  });

  it("writes titles with commas and long words as folded, escaped iCalendar text", async () => {
    const { client, conversationId } = await conversationPair();
    const title = `Budget; scope, and ${"timeline".repeat(12)}`;
    const { body } = await propose(client, { conversationId, startsAt: inHours(4), title });
    const text = (await ics(client, body.meeting.id)).body;
    for (const raw of text.split("\r\n")) expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain(`SUMMARY:Budget\\; scope\\, and ${"timeline".repeat(12)}\r\n`);
  });
});

describe("GET /api/meetings", () => {
  it("lists only the viewer's meetings in the range, earliest first, a page at a time", async () => {
    const { client, freelancer, conversationId } = await conversationPair();
    const other = await conversationPair();
    const times = [inHours(100), inHours(101), inHours(102)];
    const ids: string[] = [];
    for (const startsAt of [times[2], times[0], times[1]]) ids.push((await propose(client, { conversationId, startsAt })).body.meeting.id);
    await propose(other.client, { conversationId: other.conversationId, startsAt: times[1] });
    const from = inHours(99);
    const to = inHours(103);
    const page1 = await call(`/api/meetings?from=${from}&to=${to}&limit=2`, { token: freelancer.accessToken });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((m: { startsAt: string }) => m.startsAt)).toEqual([times[0], times[1]]);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await call(`/api/meetings?from=${from}&to=${to}&limit=2&cursor=${page1.body.nextCursor}`, {
      token: freelancer.accessToken,
    });
    expect(page2.body.items.map((m: { startsAt: string }) => m.startsAt)).toEqual([times[2]]);
    expect(page2.body.nextCursor).toBeNull();
    const narrow = await call(`/api/meetings?from=${inHours(100.5)}&to=${inHours(101.5)}`, { token: client.accessToken });
    expect(narrow.body.items.map((m: { id: string }) => m.id)).toEqual([ids[2]]);
    for (const query of ["from=yesterday", `from=${to}&to=${from}`, "limit=1000", "cursor=nope"]) {
      expect((await call(`/api/meetings?${query}`, { token: client.accessToken })).status, query).toBe(422);
    }
    expect((await call(`/api/meetings`)).status).toBe(401);
  });
});
