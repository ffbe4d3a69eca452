import { Link } from "@remix-run/react";
import { Card } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import { MoneyPair } from "../ui/money-pair";
import type { DisplayRates } from "~/utils/display-currency";

interface Amounts {
  currency: string;
  amount: number | null;
  funds: { held: number; released: number };
  milestones: { id: string; title: string; amount: number }[];
}

/** The contract's amounts beside the viewer's preferred currency; nothing shows without a preference. */
export function ContractCurrencyCard({ contract: c, display }: { contract: Amounts; display: DisplayRates | null }) {
  if (!display || display.preferred === c.currency) return null;
  const rate = display.rates[c.currency];
  return (
    <Card
      title={`In your currency (${display.preferred})`}
      description={`Estimates for reading only: the contract, its payments and its ledger stay in ${c.currency}.`}
    >
      {rate ? (
        <>
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            {c.amount !== null ? (
              <>
                <dt className="text-muted">Price</dt>
                <dd>
                  <MoneyPair amount={c.amount} currency={c.currency} display={display} />
                </dd>
              </>
            ) : null}
            <dt className="text-muted">Funds held</dt>
            <dd>
              <MoneyPair amount={c.funds.held} currency={c.currency} display={display} />
            </dd>
            <dt className="text-muted">Paid to the freelancer</dt>
            <dd>
              <MoneyPair amount={c.funds.released} currency={c.currency} display={display} />
            </dd>
            {c.milestones.map((m) => (
              <div key={m.id} className="contents">
                <dt className="text-muted">{m.title}</dt>
                <dd>
                  <MoneyPair amount={m.amount} currency={c.currency} display={display} />
                </dd>
              </div>
            ))}
          </dl>
          <p className="text-muted mt-3 text-xs">
            1 {c.currency} ≈ {rate.rate} {display.preferred}, rate of <LocalTime value={rate.fetchedAt} />.{" "}
            <Link to="/settings/account" className="underline">
              Change your currency
            </Link>
          </p>
        </>
      ) : (
        <p className="text-muted text-sm">
          No exchange rate from {c.currency} to {display.preferred} is known yet.
        </p>
      )}
    </Card>
  );
}
