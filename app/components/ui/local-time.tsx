import { formatDate, formatDateTime } from "../../../worker/domain/time/format";
import { useTimeZone } from "~/utils/time-zone";

/**
 * A moment in the viewer's time zone with the zone shown ("7 Dec 2026, 00:26 UTC"): the one date format of
 * every page. The zone comes from the root loader, so the server's text and the hydrated text are the same.
 */
export function LocalTime({ value, dateOnly = false }: { value: string | Date | number; dateOnly?: boolean }) {
  const zone = useTimeZone();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return (
    <time dateTime={date.toISOString()} title={dateOnly ? formatDateTime(date, zone) : undefined}>
      {dateOnly ? formatDate(date, zone) : formatDateTime(date, zone)}
    </time>
  );
}
