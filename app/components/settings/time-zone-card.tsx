import { Form } from "@remix-run/react";
import { TimeZonePicker } from "../profile/time-zone-picker";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useTimeZone, useTimeZoneSource } from "~/utils/time-zone";
import { zoneLabel } from "../../../worker/domain/time/zones";

/**
 * Picks the zone every time is shown in, or follows the browser's. The chosen zone is also what the other side of
 * a conversation, meeting or contract sees as this person's local time.
 */
export function TimeZoneCard({ chosen, saved, error }: { chosen: string | null; saved?: boolean; error?: string }) {
  const shown = useTimeZone();
  const source = useTimeZoneSource();
  return (
    <Card
      title="Your time zone"
      description="Every time on MegiLance is shown in this zone. A zone you choose is also shown to the people you work with, as your local time; your browser's zone is never shown to them."
    >
      <p className="text-sm">
        Times are shown in <span className="font-medium">{zoneLabel(shown)}</span>{" "}
        {source === "chosen" ? "(you chose it)" : source === "browser" ? "(your browser's zone)" : "(until your browser tells us its zone)"}
        .
      </p>
      <Form method="post" action="/settings/time-zone" className="mt-3 space-y-3">
        <TimeZonePicker name="timeZone" label="Time zone" defaultZone={chosen ?? shown} errors={error ? [error] : undefined} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="choose" variant="secondary">
            Save time zone
          </Button>
          {chosen ? (
            <Button type="submit" name="intent" value="browser" variant="ghost">
              Use my browser&apos;s zone
            </Button>
          ) : null}
        </div>
      </Form>
      {saved ? (
        <p role="status" className="mt-2 text-sm text-green-700 dark:text-green-300">
          Saved: {chosen ? zoneLabel(chosen) : "your browser's zone"}.
        </p>
      ) : null}
    </Card>
  );
}
