import { useLocation, useNavigate } from "@remix-run/react";
import { useState } from "react";
import type { CallView } from "../../../party/call-messages";
import { Button } from "../ui/button";
import { apiJson } from "./api.client";
import { nameOf } from "./format";
import { useCallUpdates } from "./use-call-updates";

/** Rings in every portal page while someone calls the viewer: answer or decline right there. */
export function IncomingCallBanner({ userId }: { userId: string | null }) {
  const [ringing, setRinging] = useState<CallView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useCallUpdates(userId, (call) => {
    if (call.status === "ringing" && call.startedBy !== userId) {
      setRinging(call);
      setError(null);
    } else {
      setRinging((shown) => (shown?.id === call.id ? null : shown));
    }
  });
  // The call's own page has its own Accept and Decline buttons.
  if (!ringing || pathname === `/calls/${ringing.id}`) {
    return (
      <div aria-live="assertive" className={error ? "px-4 py-2 text-sm" : "sr-only"}>
        {error}
      </div>
    );
  }
  const caller = nameOf(ringing, ringing.startedBy);
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
