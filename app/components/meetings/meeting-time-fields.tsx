import { useState } from "react";
import { MEETING_DURATIONS_MIN } from "../../../db/schema/values";
import { formatDateTime } from "../../../worker/domain/time/format";
import { zonedWallTimeToDate } from "../../../worker/domain/time/zoned";
import { FieldErrors, inputClass } from "../ui/field";
import { useTimeZone } from "~/utils/time-zone";

/**
 * Date, time and length of a meeting: the time is typed in the viewer's zone, and the other person's time for it
 * shows beside it as it changes.
 */
export function MeetingTimeFields({
  other,
  defaultStart,
  defaultDuration = 30,
  errors,
}: {
  other: { name: string; timeZone: string | null };
  defaultStart: string;
  defaultDuration?: number;
  errors?: { startsAt?: string[]; durationMinutes?: string[] };
}) {
  const zone = useTimeZone();
  const [start, setStart] = useState(defaultStart);
  const chosen = zonedWallTimeToDate(start, zone);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="meeting-start" className="block text-sm font-medium">
          Date and time <span className="text-muted font-normal">(your time, {zone})</span>
        </label>
        <input
          id="meeting-start"
          name="start"
          type="datetime-local"
          required
          value={start}
          onChange={(event) => setStart(event.target.value)}
          aria-invalid={errors?.startsAt?.length ? true : undefined}
          aria-describedby="meeting-start-other meeting-start-error"
          className={`${inputClass} mt-1`}
        />
        <p id="meeting-start-other" className="text-muted mt-1 text-sm" aria-live="polite">
          {chosen && other.timeZone
            ? `That is ${formatDateTime(chosen, other.timeZone)} for ${other.name} (${other.timeZone}).`
            : `${other.name}'s time zone is not known yet; they see the time in their own zone.`}
        </p>
        <FieldErrors id="meeting-start-error" errors={errors?.startsAt} />
      </div>
      <div>
        <label htmlFor="meeting-duration" className="block text-sm font-medium">
          Length
        </label>
        <select id="meeting-duration" name="durationMinutes" defaultValue={defaultDuration} className={`${inputClass} mt-1`}>
          {MEETING_DURATIONS_MIN.map((m) => (
            <option key={m} value={m}>
              {m} minutes
            </option>
          ))}
        </select>
        <FieldErrors id="meeting-duration-error" errors={errors?.durationMinutes} />
      </div>
    </div>
  );
}
