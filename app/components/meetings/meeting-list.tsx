import { Link } from "@remix-run/react";
import type { MeetingView } from "../../../worker/domain/meetings/views";
import { Badge } from "../ui/badge";
import { LocalTime } from "../ui/local-time";
import { meetingStatusLabel, MEETING_STATUS_TONE } from "./labels";

/** Meetings as rows: title (opens the meeting), when, with whom, where it stands. */
export function MeetingList({ meetings, me, empty }: { meetings: MeetingView[]; me: string; empty: string }) {
  if (meetings.length === 0) return <p className="text-muted text-sm">{empty}</p>;
  return (
    <ul className="divide-subtle divide-y">
      {meetings.map((m) => {
        const other = m.organizer.id === me ? m.invitee : m.organizer;
        return (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div className="min-w-0">
              <Link to={`/meetings/${m.id}`} className="break-words font-semibold underline">
                {m.title}
              </Link>
              <p className="text-muted text-sm">
                <LocalTime value={m.startsAt} /> · {m.durationMinutes} min · with {other.name}
              </p>
            </div>
            <Badge tone={MEETING_STATUS_TONE[m.status]}>{meetingStatusLabel(m, me)}</Badge>
          </li>
        );
      })}
    </ul>
  );
}
