import { Link } from "@remix-run/react";
import { chargedSentence } from "../../../worker/domain/currency/charged";
import { formatDateTime } from "../../../worker/domain/time/format";
import type { Tone } from "../ui/badge";
import { formatMoney } from "~/utils/money";
import { useTimeZone } from "~/utils/time-zone";

/** The colour of each milestone state; the words come from the domain (`statusLabel`). */
export const MILESTONE_TONES: Record<string, Tone> = {
  pending: "neutral",
  funded: "brand",
  submitted: "warning",
  changes_requested: "warning",
  approved: "success",
  released: "success",
  split: "brand",
  refunded: "neutral",
  cancelled: "neutral",
};

export interface MilestoneMoneyFactsData {
  currency: string;
  decision: { disputeId: string; by: string; text: string } | null;
  charged: { amount: number; currency: string; rate: string; rateFetchedAt: string; refunded: number } | null;
}

/** "€200.00 · charged £176.74": the amount actually paid beside the contract amount. */
export function ChargedBeside({ charged }: { charged: MilestoneMoneyFactsData["charged"] }) {
  return charged ? <> · charged {formatMoney(charged.amount, charged.currency)}</> : null;
}

/** Who decided the milestone and what the client paid in their own currency, in the shared wording. */
export function MilestoneMoneyFacts({ m }: { m: MilestoneMoneyFactsData }) {
  const zone = useTimeZone();
  if (!m.decision && !m.charged) return null;
  return (
    <div className="mt-2 space-y-1 text-sm">
      {m.decision ? (
        <p>
          {m.decision.text}{" "}
          <Link to={`/disputes/${m.decision.disputeId}`} className="underline">
            See the dispute
          </Link>
        </p>
      ) : null}
      {m.charged ? (
        <p className="text-muted">
          {chargedSentence("charged", m.charged, m.currency, formatDateTime(m.charged.rateFetchedAt, zone))}
          {m.charged.refunded > 0 ? (
            <> Given back {formatMoney(m.charged.refunded, m.charged.currency)} of it for the refund, at the same rate.</>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
