import { env } from "cloudflare:test";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, notifications, outbox } from "../../db/schema";
import { call } from "../test-support/api";
import { testContext } from "../test-support/context";
import { waitForMail } from "../test-support/mail";
import { conversationPair } from "../test-support/messaging";
import { runTask } from "./tasks";
import { remindMeeting, sweepMeetingReminders } from "../domain/meetings/reminders";

const MINUTE_MS = 60_000;
const { ctx } = testContext(env);
const at = (msFromNow: number) => new Date(Math.ceil((Date.now() + msFromNow) / 1000) * 1000);

async function acceptedMeeting(startsAt: Date) {
  const pair = await conversationPair();
  const proposed = await call("/api/meetings", {
    token: pair.client.accessToken,
    body: { conversationId: pair.conversationId, title: "Sprint review", startsAt: startsAt.toISOString(), durationMinutes: 30 },
  });
  expect(proposed.status).toBe(201);
  const id = proposed.body.meeting.id as string;
  expect((await call(`/api/meetings/${id}/accept`, { token: pair.freelancer.accessToken, body: {} })).status).toBe(200);
  return { ...pair, id };
}

async function reminders(userIds: string[]) {
  return ctx.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.type, "meeting_reminder")));
}

async function reminderMails(email: string) {
  return ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.template, "notification.meeting_reminder")));
}

describe("the 15-minute meeting reminder", () => {
  it("reaches both sides exactly once, though the queued job, retries and the cron sweep all run", async () => {
    const startsAt = at(10 * MINUTE_MS);
    // Accepting queues the job with no delay (its time has come), so the queue consumer races the calls below.
    const { client, freelancer, id } = await acceptedMeeting(startsAt);
    const runs = await Promise.all([
      remindMeeting(ctx, id, startsAt.getTime()),
      remindMeeting(ctx, id, startsAt.getTime()),
      sweepMeetingReminders(ctx),
      runTask(ctx, "meetings.remind"),
    ]);
    expect(runs.filter((r) => r === "sent").length).toBeLessThanOrEqual(1);
    for (const user of [client, freelancer]) await waitForMail(user.user.email, "notification.meeting_reminder");
    // Let the queue finish whatever it was still doing, then retry once more.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await remindMeeting(ctx, id, startsAt.getTime())).toBe("skipped");
    const notes = await reminders([client.user.id, freelancer.user.id]);
    expect(notes.map((n) => n.userId).sort()).toEqual([client.user.id, freelancer.user.id].sort());
    for (const note of notes) expect(note).toMatchObject({ link: `/meetings/${id}`, title: "Starting soon: Sprint review" });
    for (const user of [client, freelancer]) expect(await reminderMails(user.user.email)).toHaveLength(1);
    const [row] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
    expect(row.remindedFor?.getTime()).toBe(startsAt.getTime());
  });

  it("waits until 15 minutes before; a new time gets its own reminder and the old time's job does nothing", async () => {
    const startsAt = at(2 * 60 * MINUTE_MS);
    const { client, freelancer, id } = await acceptedMeeting(startsAt);
    const early = testContext(env, { now: new Date(startsAt.getTime() - 20 * MINUTE_MS) }).ctx;
    expect(await sweepMeetingReminders(early)).toMatch(/^sent 0 meeting reminders/);
    expect(await reminders([client.user.id])).toHaveLength(0);

    const later = at(3 * 60 * MINUTE_MS);
    expect(
      (await call(`/api/meetings/${id}/reschedule`, { token: freelancer.accessToken, body: { startsAt: later.toISOString() } })).status,
    ).toBe(200);
    const due = testContext(env, { now: new Date(startsAt.getTime() - 10 * MINUTE_MS) }).ctx;
    // Not accepted again yet, and the job of the first time is stale either way.
    expect(await remindMeeting(due, id, startsAt.getTime())).toBe("skipped");
    expect((await call(`/api/meetings/${id}/accept`, { token: client.accessToken, body: {} })).status).toBe(200);
    expect(await remindMeeting(due, id, startsAt.getTime())).toBe("skipped");
    const dueLater = testContext(env, { now: new Date(later.getTime() - 14 * MINUTE_MS) }).ctx;
    expect(await remindMeeting(dueLater, id, later.getTime())).toBe("sent");
    expect(await remindMeeting(dueLater, id, later.getTime())).toBe("skipped");
    expect(await reminders([client.user.id, freelancer.user.id])).toHaveLength(2);
  });

  it("sends nothing for a declined meeting or one that is over", async () => {
    const pair = await conversationPair();
    const startsAt = at(30 * MINUTE_MS);
    const { body } = await call("/api/meetings", {
      token: pair.client.accessToken,
      body: { conversationId: pair.conversationId, title: "Maybe", startsAt: startsAt.toISOString(), durationMinutes: 15 },
    });
    await call(`/api/meetings/${body.meeting.id}/decline`, { token: pair.freelancer.accessToken, body: {} });
    const due = testContext(env, { now: new Date(startsAt.getTime() - 10 * MINUTE_MS) }).ctx;
    expect(await remindMeeting(due, body.meeting.id, startsAt.getTime())).toBe("skipped");
    const over = await acceptedMeeting(at(40 * MINUTE_MS));
    const afterEnd = testContext(env, { now: at(75 * MINUTE_MS) }).ctx;
    const [row] = await ctx.db.select().from(meetings).where(eq(meetings.id, over.id));
    expect(await remindMeeting(afterEnd, over.id, row.startsAt.getTime())).toBe("skipped");
    expect(await reminders([pair.client.user.id, pair.freelancer.user.id, over.client.user.id])).toHaveLength(0);
  });
});
