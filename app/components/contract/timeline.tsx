import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import { DisputeStep } from "../disputes/timeline-step";
import { LockedRateStep } from "./locked-rate-step";

export interface TimelineEntry {
  id: string;
  type: string;
  actorId: string | null;
  milestoneId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

const LABELS: Record<string, string> = {
  "contract.offered": "Contract offered",
  "contract.terms_updated": "Terms changed",
  "contract.accepted": "Offer accepted: the contract started",
  "contract.declined": "Offer declined",
  "contract.ended": "Contract ended",
  "milestone.added": "Milestone added",
  "milestone.updated": "Milestone edited",
  "milestone.funding_started": "Payment started",
  "milestone.funding_cancelled": "Payment cancelled before any money moved",
  "milestone.funded": "Milestone funded: funds held for it",
  "milestone.submitted": "Work submitted",
  "milestone.changes_requested": "Changes requested",
  "milestone.approved": "Work approved and paid",
  "milestone.released": "Part of the held funds released",
  "milestone.refunded": "Held funds refunded to the client",
  "milestone.cancelled": "Milestone cancelled",
  "timesheet.submitted": "Timesheet submitted",
  "timesheet.approved": "Timesheet approved: hours charged and paid",
  "timesheet.disputed": "Timesheet disputed",
  "dispute.opened": "Dispute opened: the held funds are frozen",
  "dispute.answered": "Dispute answered",
  "dispute.resolved": "Dispute decided",
  "review.written": "Review written",
  "reviews.published": "Reviews published",
};

function who(actorId: string | null, parties: { clientId: string; freelancerId: string; me: string }): string {
  if (actorId === null) return "MegiLance";
  if (actorId === parties.me) return "You";
  return actorId === parties.clientId ? "The client" : actorId === parties.freelancerId ? "The freelancer" : "Someone";
}

export function Timeline({
  entries,
  currency,
  parties,
  milestoneTitles,
}: {
  entries: TimelineEntry[];
  currency: string;
  parties: { clientId: string; freelancerId: string; me: string };
  milestoneTitles: Record<string, string>;
}) {
  return (
    <ol className="space-y-3">
      {[...entries].reverse().map((e) => {
        const amount = typeof e.data.amount === "number" ? formatMoney(e.data.amount, currency) : null;
        const reason = typeof e.data.reason === "string" ? e.data.reason : typeof e.data.message === "string" ? e.data.message : null;
        return (
          <li key={e.id} className="border-subtle border-l-2 pl-3 text-sm">
            <p>
              <span className="font-medium">{LABELS[e.type] ?? e.type}</span>
              {e.milestoneId && milestoneTitles[e.milestoneId] ? <> · {milestoneTitles[e.milestoneId]}</> : null}
              {amount ? <> · {amount}</> : null}
              {e.data.auto ? <> · automatically, after the review period</> : null}
              {e.type === "milestone.funding_cancelled" && e.data.cause === "expired" ? <> · left unfinished for a day</> : null}
            </p>
            {reason ? <p className="text-muted">“{reason}”</p> : null}
            <DisputeStep data={e.data} />
            <LockedRateStep data={e.data} />
            <p className="text-muted text-xs">
              {who(e.actorId, parties)} · <LocalTime value={e.createdAt} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
