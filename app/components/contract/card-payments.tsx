import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { formatMoney } from "~/utils/money";

/** On the contract page, for the client: pay a milestone by card (Stripe) instead of the sandbox. */
export function CardPayments({
  contractId,
  milestones,
  pendingPayments = {},
}: {
  contractId: string;
  milestones: { id: string; title: string; amount: number; currency: string; status: string }[];
  /** Unfinished payments by milestone: one started another way is cancelled on the milestone first. */
  pendingPayments?: Record<string, { provider: string }>;
}) {
  const waiting = milestones.filter((m) => m.status === "pending" && (pendingPayments[m.id]?.provider ?? "stripe") === "stripe");
  if (waiting.length === 0) return null;
  return (
    <Card
      title="Pay by card"
      description="Your card is charged by Stripe and the money is held by the platform until you approve the work."
    >
      <ul className="space-y-2">
        {waiting.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>{m.title}</span>
            <Link to={`/contracts/${contractId}/card?milestone=${m.id}`} className={buttonClass("secondary", "sm")}>
              {pendingPayments[m.id] ? "Continue paying" : "Pay"} {formatMoney(m.amount, m.currency)} by card
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
