import { Form, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { LocalTime } from "../ui/local-time";

function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/**
 * Elapsed time of the running timer: rendered from the server's clock, then ticking in the browser. It never
 * counts past `stopsAt` (the weekly limit): there the timer has stopped itself, and the page reloads to show it.
 */
function Elapsed({ startedAt, serverNow, stopsAt }: { startedAt: string; serverNow: string; stopsAt: string | null }) {
  const started = Date.parse(startedAt);
  const limit = stopsAt ? Date.parse(stopsAt) : Infinity;
  const [now, setNow] = useState(() => Date.parse(serverNow));
  const revalidator = useRevalidator();
  const reached = now >= limit;
  useEffect(() => {
    const skew = Date.parse(serverNow) - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [serverNow]);
  useEffect(() => {
    if (reached && revalidator.state === "idle") revalidator.revalidate();
    // Once per reaching the limit; the reload shows the entry the timer recorded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reached]);
  return (
    <>
      <p className="font-mono text-3xl font-semibold tabular-nums" aria-live="off">
        <span className="sr-only">Elapsed: </span>
        {clockText(Math.min(now, limit) - started)}
      </p>
      {reached ? (
        <p role="status" className="text-sm font-medium">
          The weekly limit is reached: the timer stopped itself.
        </p>
      ) : null}
    </>
  );
}

export function TimerCard({
  running,
  serverNow,
  canStart,
}: {
  running: { startedAt: string | null; memo: string; stopsAt: string | null } | null;
  serverNow: string;
  canStart: boolean;
}) {
  if (running?.startedAt) {
    return (
      <div className="space-y-3">
        <p className="text-muted text-sm">Timer running{running.memo ? `: ${running.memo}` : ""}</p>
        <Elapsed startedAt={running.startedAt} serverNow={serverNow} stopsAt={running.stopsAt} />
        {running.stopsAt ? (
          <p className="text-muted text-sm">
            It stops itself at <LocalTime value={running.stopsAt} />, when this week’s limit is reached.
          </p>
        ) : null}
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="stop" />
          <Field label="Memo (optional)" inputProps={{ id: "stop-memo", name: "memo", maxLength: 1000, defaultValue: running.memo }} />
          <Button variant="danger">Stop timer</Button>
        </Form>
      </div>
    );
  }
  if (!canStart) return <p className="text-muted text-sm">The timer is available while this week is open and hours remain.</p>;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="start" />
      <Field label="What are you working on? (optional)" inputProps={{ id: "start-memo", name: "memo", maxLength: 1000 }} />
      <Button>Start timer</Button>
    </Form>
  );
}
