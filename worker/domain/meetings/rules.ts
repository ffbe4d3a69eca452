/** Rules of meetings, in one place. */
export const MEETING_TITLE_MAX_CHARS = 120;
/** A meeting is proposed at least this far ahead, and at most this far. */
export const MEETING_LEAD_MIN_MS = 5 * 60 * 1000;
export const MEETING_HORIZON_MS = 365 * 24 * 60 * 60 * 1000;
/** Both sides are reminded this long before the start. */
export const MEETING_REMINDER_LEAD_MS = 15 * 60 * 1000;
/** The call opens from the meeting this long before the start, and until its end. */
export const MEETING_JOIN_EARLY_MS = 10 * 60 * 1000;
export const MEETINGS_PAGE_MAX = 100;
export const MEETINGS_PAGE_DEFAULT = 50;

export const meetingEnd = (startsAt: Date, durationMinutes: number) => new Date(startsAt.getTime() + durationMinutes * 60_000);
export const reminderTime = (startsAt: Date) => new Date(startsAt.getTime() - MEETING_REMINDER_LEAD_MS);

/** Whether "Join call" is offered: an accepted meeting, from shortly before its start until it ends. */
export function canJoinAt(meeting: { status: string; startsAt: Date; durationMinutes: number }, now: Date): boolean {
  const t = now.getTime();
  return (
    meeting.status === "accepted" &&
    t >= meeting.startsAt.getTime() - MEETING_JOIN_EARLY_MS &&
    t < meetingEnd(meeting.startsAt, meeting.durationMinutes).getTime()
  );
}
