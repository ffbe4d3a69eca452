import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { CallView } from "../../../party/call-messages";
import { LocalTime } from "../ui/local-time";
import { describeCall } from "./format";
import { useCallUpdates } from "./use-call-updates";

const CALLS_SHOWN_MAX = 10;

/**
 * A conversation's latest calls as system lines (who called, when, how long), kept current while the page is
 * open; calls still ringing or going on link to the call.
 */
export function CallHistory({ calls, me, conversationId }: { calls: CallView[]; me: string; conversationId: string }) {
  const [shown, setShown] = useState(calls);
  useEffect(() => setShown(calls), [calls]);
  useCallUpdates(me, (call) => {
    if (call.conversationId !== conversationId) return;
    setShown((list) => [call, ...list.filter((c) => c.id !== call.id)].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, CALLS_SHOWN_MAX));
  });
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="call-history-title" className="text-sm">
      <h2 id="call-history-title" className="sr-only">
        Calls
      </h2>
      <ol className="space-y-1">
        {[...shown].reverse().map((call) => (
          <li key={call.id} className="text-muted text-center">
            <span aria-hidden="true">📞 </span>
            {call.status === "ringing" || call.status === "active" ? (
              <Link to={`/calls/${call.id}`} className="underline">
                {describeCall(call, me)}
              </Link>
            ) : (
              describeCall(call, me)
            )}{" "}
            · <LocalTime value={call.startedAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}
