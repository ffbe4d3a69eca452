import { formatClock, zoneLabel } from "../../../worker/domain/time/zones";
import { useNow } from "~/utils/time-zone";

/**
 * The other party's local time now, "Frankie's local time: 14:05 (Europe/London)"; `label` replaces the lead-in
 * ("Local time"). Nothing when their zone is not known: a zone is only shown when they stated it.
 */
export function TheirLocalTime({
  name,
  timeZone,
  label,
  className,
}: {
  name?: string;
  timeZone: string | null;
  label?: string;
  className?: string;
}) {
  const now = useNow();
  if (!timeZone) return null;
  return (
    <p className={className ?? "text-muted text-sm"}>
      {label ?? `${name}'s local time`}: <time className="font-medium tabular-nums">{formatClock(now, timeZone)}</time> (
      {zoneLabel(timeZone)})
    </p>
  );
}

/** "Frankie" from "Frankie Freelancer": how a person is named beside their clock. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;
