import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { meetings, users, type Meeting, type Notification } from "../../../db/schema";
import type { DomainContext } from "../context";
import { notificationEmail } from "../notifications/emails";
import { preferenceFor, unsubscribeUrl } from "../notifications/preferences";
import { pushNotificationLive } from "../notifications/live";
import { formatDateTime } from "../time/format";
import { MEETING_REMINDER_LEAD_MS, meetingEnd, reminderTime } from "./rules";

/** Cloudflare Queues delay a message by at most 12 hours; reminders further out wait for the sweep. */
export const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;
/** How often the reminder sweep runs (its cron in wrangler.toml): it queues the reminders due before its next run. */
export const REMINDER_SWEEP_PERIOD_MS = 5 * 60 * 1000;
const TYPE = "meeting_reminder";

/** Queues the reminder of an accepted meeting to arrive 15 minutes before it, when that is within the queue's reach. */
export async function queueReminder(ctx: DomainContext, meeting: Meeting): Promise<void> {
  if (!ctx.enqueue || meeting.status !== "accepted") return;
  const delaySeconds = Math.max(0, Math.ceil((reminderTime(meeting.startsAt).getTime() - ctx.clock.now().getTime()) / 1000));
  if (delaySeconds > MAX_QUEUE_DELAY_SECONDS) return;
  try {
    await ctx.enqueue({ type: "meeting.remind", meetingId: meeting.id, startsAt: meeting.startsAt.getTime() }, { delaySeconds });
  } catch (error) {
    // The sweep finds it anyway; the answer to the person accepting does not fail for it.
    ctx.log("meeting reminder not queued", { meetingId: meeting.id, error: String(error) });
  }
}

/**
 * Reminds both sides of an accepted meeting, once per start time however often the job or the sweep runs: the
 * in-app notifications and the claim (`reminded_for`) are written in one transaction, and the notifications are
 * inserted only while the meeting is unclaimed. Live pushes and e-mails go out after the commit, by the winner only.
 */
export async function remindMeeting(ctx: DomainContext, meetingId: string, startsAtMs: number): Promise<"sent" | "skipped"> {
  const row = await ctx.db.query.meetings.findFirst({ where: eq(meetings.id, meetingId) });
  const now = ctx.clock.now();
  if (!row || row.status !== "accepted" || row.startsAt.getTime() !== startsAtMs) return "skipped";
  if (row.remindedFor?.getTime() === startsAtMs || now >= meetingEnd(row.startsAt, row.durationMinutes)) return "skipped";
  const people = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(or(eq(users.id, row.organizerId), eq(users.id, row.inviteeId)));
  const link = `/meetings/${row.id}`;
  const planned = await Promise.all(
    people.map(async (person) => {
      const other = people.find((p) => p.id !== person.id)?.name ?? "the other side";
      const payload = {
        title: `Starting soon: ${row.title}`.slice(0, 200),
        body: `Your meeting with ${other}, “${row.title}”, starts at ${formatDateTime(row.startsAt)}. Open the meeting to join the call.`,
        link,
      };
      return { person, payload, preference: await preferenceFor(ctx, person.id, TYPE) };
    }),
  );
  const unclaimed = sql`EXISTS (SELECT 1 FROM meetings WHERE id = ${row.id} AND status = 'accepted' AND starts_at = ${startsAtMs} AND (reminded_for IS NULL OR reminded_for <> ${startsAtMs}))`;
  const notes: Notification[] = planned
    .filter((p) => p.preference.inApp)
    .map(({ person, payload }) => ({
      id: ctx.newId(),
      userId: person.id,
      type: TYPE,
      title: payload.title,
      body: payload.body,
      link,
      readAt: null,
      createdAt: now,
    }));
  const claim = ctx.db
    .update(meetings)
    .set({ remindedFor: row.startsAt })
    .where(
      and(
        eq(meetings.id, row.id),
        eq(meetings.status, "accepted"),
        eq(meetings.startsAt, row.startsAt),
        or(isNull(meetings.remindedFor), ne(meetings.remindedFor, row.startsAt)),
      ),
    )
    .returning({ id: meetings.id });
  const inserts = notes.map((n) =>
    ctx.db.run(
      sql`INSERT INTO notifications (id, user_id, type, title, body, link, created_at) SELECT ${n.id}, ${n.userId}, ${n.type}, ${n.title}, ${n.body}, ${n.link}, ${now.getTime()} WHERE ${unclaimed}`,
    ),
  );
  const results = await ctx.db.batch([...inserts, claim] as unknown as [typeof claim]);
  const claimed = (results.at(-1) as { id: string }[]).length > 0;
  if (!claimed) return "skipped";
  for (const note of notes) await pushNotificationLive(ctx, note);
  for (const { person, payload, preference } of planned) {
    if (!preference.email) continue;
    try {
      const unsubscribeHref = await unsubscribeUrl(ctx, person.id, TYPE);
      await ctx.sendEmail(
        notificationEmail({ to: person.email, name: person.name, type: TYPE, payload, appOrigin: ctx.config.appOrigin, unsubscribeHref }),
      );
    } catch (error) {
      ctx.log("meeting reminder email failed", { meetingId: row.id, userId: person.id, error: String(error) });
    }
  }
  return "sent";
}

/**
 * The cron's part: reminds at once of accepted meetings whose reminder time has come (a job that never arrived),
 * and queues, with their delay, the reminders falling before the next sweep (meetings accepted more than 12 hours ahead).
 */
export async function sweepMeetingReminders(ctx: DomainContext): Promise<string> {
  const now = ctx.clock.now().getTime();
  const lead = MEETING_REMINDER_LEAD_MS;
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.status, "accepted"),
        gt(meetings.startsAt, new Date(now)),
        lte(meetings.startsAt, new Date(now + lead + REMINDER_SWEEP_PERIOD_MS)),
        or(isNull(meetings.remindedFor), ne(meetings.remindedFor, meetings.startsAt)),
      ),
    );
  let sent = 0;
  let queued = 0;
  for (const row of rows) {
    if (row.startsAt.getTime() - lead <= now) {
      if ((await remindMeeting(ctx, row.id, row.startsAt.getTime())) === "sent") sent++;
    } else {
      await queueReminder(ctx, row);
      queued++;
    }
  }
  return `sent ${sent} meeting reminders, queued ${queued}`;
}
