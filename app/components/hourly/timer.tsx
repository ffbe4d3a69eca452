import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";

function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Elapsed time of the running timer: rendered from the server's clock, then ticking in the browser. */
function Elapsed({ startedAt, serverNow }: { startedAt: string; serverNow: string }) {
  const started = Date.parse(startedAt);
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const skew = Date.parse(serverNow) - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [serverNow]);
  return (
    <p className="font-mono text-3xl font-semibold tabular-nums" aria-live="off">
      <span className="sr-only">Elapsed: </span>
      {clockText(now - started)}
    </p>
  );
}

export function TimerCard({
  running,
  serverNow,
  canStart,
}: {
  running: { startedAt: string | null; memo: string } | null;
  serverNow: string;
  canStart: boolean;
}) {
  if (running?.startedAt) {
    return (
      <div className="space-y-3">
        <p className="text-muted text-sm">Timer running{running.memo ? `: ${running.memo}` : ""}</p>
        <Elapsed startedAt={running.startedAt} serverNow={serverNow} />
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
