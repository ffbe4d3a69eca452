import { Link } from "@remix-run/react";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import type { ContractRow } from "./contracts-list";
import { formatMoney } from "~/utils/money";

/** The freelancer's dashboard: offers that wait for an answer, each one click from its page. */
export function OffersWaiting({ offers, total }: { offers: ContractRow[]; total: number }) {
  return (
    <Card
      title={`Offers waiting for you (${total})`}
      description="Clients who want to hire you. Read each offer, then accept or decline it."
      actions={
        <Link to="/freelancer/contracts?tab=offered" className={buttonClass("secondary", "sm")}>
          All offers
        </Link>
      }
    >
      <ul className="divide-y divide-[var(--border)]" aria-label="Offers waiting for you">
        {offers.map((o) => (
          <li key={o.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="break-words font-semibold">{o.title}</p>
              <p className="text-muted text-sm">
                From {o.otherParty.name} ·{" "}
                {o.type === "fixed"
                  ? `${formatMoney(o.amount ?? 0, o.currency)} fixed price`
                  : `${formatMoney(o.hourlyRate ?? 0, o.currency)}/h`}{" "}
                · sent <LocalTime value={o.createdAt} />
              </p>
            </div>
            <Link to={`/contracts/${o.id}`} className={buttonClass("primary", "sm")}>
              Open the offer<span className="sr-only"> {o.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
