import { useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { CallView } from "../../../party/call-messages";
import { Button } from "../ui/button";
import { apiJson } from "./api.client";
import { nameOf } from "./format";
import { useCallUpdates } from "./use-call-updates";

/** How long a ring lasts (the server settles an unanswered call as missed after the same time). */
const RING_MS = 45_000;

/** True while this call rings for `userId`: they were rung (at its start or by an invitation) and have not answered. */
function ringsFor(call: CallView, userId: string | null): boolean {
  const me = call.participants.find((p) => p.id === userId);
  if (!me || me.state !== "invited" || call.startedBy === userId) return false;
  if (call.status === "ringing") return true;
  return call.status === "active" && Date.now() - Date.parse(me.invitedAt) < RING_MS;
}

/** Rings in every portal page while someone calls the viewer: answer or decline right there. */
export function IncomingCallBanner({ userId }: { userId: string | null }) {
  const [ringing, setRinging] = useState<CallView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useCallUpdates(userId, (call) => {
    if (ringsFor(call, userId)) {
      setRinging(call);
      setError(null);
    } else {
      setRinging((shown) => (shown?.id === call.id ? null : shown));
    }
  });
  // An invitation to a call under way stops ringing after a while (the call itself goes on).
  useEffect(() => {
    if (!ringing || ringing.status !== "active") return;
    const me = ringing.participants.find((p) => p.id === userId);
    const left = me ? RING_MS - (Date.now() - Date.parse(me.invitedAt)) : 0;
    const timer = setTimeout(() => setRinging((shown) => (shown?.id === ringing.id ? null : shown)), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [ringing, userId]);
  // The call's own page has its own Accept and Decline buttons.
  if (!ringing || pathname === `/calls/${ringing.id}`) {
    return (
      <div aria-live="assertive" className={error ? "px-4 py-2 text-sm" : "sr-only"}>
        {error}
      </div>
    );
  }
  const invitedBy = ringing.participants.find((p) => p.id === userId)?.invitedBy;
  const caller = nameOf(ringing, invitedBy ?? ringing.startedBy);
  const answer = async (action: "accept" | "decline") => {
    setBusy(true);
    try {
      await apiJson(`/api/calls/${ringing.id}/${action}`, {});
      setRinging(null);
      if (action === "accept") navigate(`/calls/${ringing.id}`);
    } catch {
      setError("This call is no longer ringing.");
      setRinging(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div aria-live="assertive">
      <section
        aria-labelledby="incoming-call-title"
        className="border-subtle flex flex-wrap items-center gap-3 border-b bg-emerald-50 px-4 py-3 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50"
      >
        <h2 id="incoming-call-title" className="font-semibold">
          Incoming video call from {caller}
        </h2>
        <div className="ml-auto flex gap-2">
          <Button type="button" size="sm" disabled={busy} onClick={() => answer("accept")}>
            Accept
          </Button>
          <Button type="button" size="sm" variant="danger" disabled={busy} onClick={() => answer("decline")}>
            Decline
          </Button>
        </div>
      </section>
    </div>
  );
}
