import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import { decisionText, SUPPORT_NAME } from "../../../worker/domain/ledger/outcome";
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
  "timesheet.charged": "Hours charged to the client",
  "timesheet.paid": "Hours paid to the freelancer, less the platform fee",
  "milestone.cancelled": "Milestone cancelled",
  "timesheet.submitted": "Timesheet submitted",
  "timesheet.approved": "Timesheet approved",
  "timesheet.disputed": "Timesheet disputed",
  "dispute.opened": "Dispute opened: the held funds are frozen",
  "dispute.answered": "Dispute answered",
  "dispute.resolved": "Dispute decided",
  "review.written": "Review written",
  "reviews.published": "Reviews published",
};

/** Money moved by a dispute decision: said as such, not as a party's own release or refund. */
const BY_DECISION: Record<string, string> = {
  "milestone.released": "Released to the freelancer by the decision",
  "milestone.refunded": "Refunded to the client by the decision",
};

/** Only the parties and MegiLance act on a contract: anyone else is MegiLance support (an admin deciding a dispute). */
function who(actorId: string | null, parties: { clientId: string; freelancerId: string; me: string }): string {
  if (actorId === null) return "MegiLance, automatically";
  if (actorId === parties.me) return "You";
  return actorId === parties.clientId ? "The client" : actorId === parties.freelancerId ? "The freelancer" : SUPPORT_NAME;
}

function labelOf(e: TimelineEntry): string {
  if (typeof e.data.disputeId === "string" && BY_DECISION[e.type]) return BY_DECISION[e.type];
  return LABELS[e.type] ?? e.type;
}

/** "MegiLance support decided: €80.00 released to the freelancer, €120.00 refunded to the client." */
function decisionOf(e: TimelineEntry, currency: string): string | null {
  if (e.type !== "dispute.resolved" || typeof e.data.released !== "number" || typeof e.data.refunded !== "number") return null;
  return decisionText(e.data.byDefault ? "default" : "support", { released: e.data.released, refunded: e.data.refunded, currency });
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
        const decision = decisionOf(e, currency);
        // Movements of a decision carry its internal memo; the decision entry shows the admin's note instead.
        const fromDecision = typeof e.data.disputeId === "string" && e.type !== "dispute.resolved";
        const reason = fromDecision
          ? null
          : typeof e.data.reason === "string"
            ? e.data.reason
            : typeof e.data.message === "string"
              ? e.data.message
              : null;
        return (
          <li key={e.id} className="border-subtle border-l-2 pl-3 text-sm">
            <p>
              <span className="font-medium">{labelOf(e)}</span>
              {e.milestoneId && milestoneTitles[e.milestoneId] ? <> · {milestoneTitles[e.milestoneId]}</> : null}
              {amount ? <> · {amount}</> : null}
              {e.data.auto ? <> · automatically, after the review period</> : null}
              {e.type === "milestone.funding_cancelled" && e.data.cause === "expired" ? <> · left unfinished for a day</> : null}
            </p>
            {decision ? <p>{decision}</p> : null}
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
