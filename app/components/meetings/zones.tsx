import { formatDateTime } from "../../../worker/domain/time/format";
import { useTimeZone } from "~/utils/time-zone";

/**
 * A meeting time in the viewer's zone, with the other person's zone beside it ("09:30 GMT-5 for Sam"), or a
 * note that their zone is not known yet.
 */
export function TimeInBothZones({ value, other }: { value: string | Date; other: { name: string; timeZone: string | null } }) {
  const zone = useTimeZone();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <span className="inline-flex flex-wrap gap-x-2">
      <time dateTime={date.toISOString()} className="font-medium">
        {formatDateTime(date, zone)} <span className="text-muted font-normal">(your time, {zone})</span>
      </time>
      <span className="text-muted">
        ·{" "}
        {other.timeZone
          ? `${formatDateTime(date, other.timeZone)} for ${other.name} (${other.timeZone})`
          : `${other.name}'s time zone is not known yet`}
      </span>
    </span>
  );
}
