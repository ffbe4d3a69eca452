import { Form, useFetcher } from "@remix-run/react";
import { Button } from "../ui/button";
import { useEffect, useState } from "react";
import type { ChargeQuote } from "../../../worker/domain/currency/payable";
import { rateText } from "../../../worker/domain/currency/format";
import { formatDateTime } from "../../../worker/domain/time/format";
import { inputClass } from "../ui/field";
import { formatMoney } from "~/utils/money";
import { useTimeZone } from "~/utils/time-zone";
import { CONFIRMED_FIELD } from "~/utils/confirm";

export interface PayableCurrency {
  code: string;
  name: string;
}

/** "You will be charged £176.74 at the locked rate 1 EUR = 0.883721 GBP (rate of 7 Dec 2026, 00:26 UTC)." */
export function QuoteText({ quote }: { quote: ChargeQuote }) {
  const zone = useTimeZone();
  const charged = formatMoney(quote.chargedAmount, quote.chargedCurrency);
  if (quote.chargedCurrency === quote.currency) return <>You will be charged {charged}.</>;
  return (
    <>
      You will be charged <strong>{charged}</strong> for {formatMoney(quote.amount, quote.currency)}, at the rate locked now:{" "}
      {rateText(quote.currency, quote.chargedCurrency, quote.rate)} (rate of {formatDateTime(quote.fetchedAt, zone)}).
    </>
  );
}

type QuoteReply = { quote: ChargeQuote | null; error: string | null };

/**
 * Lets the client pay a milestone in another currency: only currencies with a current rate, most used first,
 * with a search. Picking one shows the exact charge and the rate before the client confirms; the charge goes
 * with the form, and funding refuses it if the rate moved meanwhile. The contract and its ledger stay in
 * their own currency. Without JavaScript the server shows the same quote for confirmation first.
 */
export function PayInCurrency({
  milestoneId,
  contractId,
  contractCurrency,
  currencies,
}: {
  milestoneId: string;
  contractId: string;
  contractCurrency: string;
  currencies: PayableCurrency[];
}) {
  const id = `pay-in-${milestoneId}`;
  const fetcher = useFetcher<QuoteReply>();
  const [enhanced, setEnhanced] = useState(false);
  const [search, setSearch] = useState("");
  const [currency, setCurrency] = useState("");
  useEffect(() => setEnhanced(true), []);
  const needle = search.trim().toLowerCase();
  const shown = currencies.filter(
    (c) =>
      c.code !== contractCurrency &&
      (c.code === currency || !needle || c.code.toLowerCase().includes(needle) || c.name.toLowerCase().includes(needle)),
  );
  const choose = (code: string) => {
    setCurrency(code);
    if (code) fetcher.load(`/contracts/${contractId}/quote?milestone=${encodeURIComponent(milestoneId)}&currency=${code}`);
  };
  const reply = currency && fetcher.state === "idle" ? fetcher.data : undefined;
  const quote = reply?.quote?.chargedCurrency === currency ? reply.quote : null;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {enhanced ? (
          <>
            <label htmlFor={`${id}-search`} className="sr-only">
              Search currencies
            </label>
            <input
              id={`${id}-search`}
              type="search"
              placeholder="Search currencies"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className={`${inputClass} w-40 py-1`}
            />
          </>
        ) : null}
        <label htmlFor={id} className="text-sm">
          Pay in
        </label>
        <select
          id={id}
          name="currency"
          value={currency}
          onChange={(e) => choose(e.target.value)}
          className={`${inputClass} w-auto max-w-full py-1`}
        >
          <option value="">{contractCurrency} (contract currency)</option>
          {shown.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {c.name}
            </option>
          ))}
        </select>
      </div>
      {currency && fetcher.state !== "idle" ? <p className="text-muted text-sm">Working out the amount…</p> : null}
      {quote ? (
        <p className="text-sm" role="status">
          <QuoteText quote={quote} />
          <input type="hidden" name="chargedAmount" value={quote.chargedAmount} />
          {/* This panel names the exact charge: paying from it is the confirmation. */}
          <input type="hidden" name={CONFIRMED_FIELD} value="yes" />
        </p>
      ) : null}
      {reply?.error ? (
        <p className="text-sm text-red-700 dark:text-red-300" role="alert">
          {reply.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The confirmation step when the quote came from the server (no JavaScript, or the rate moved): the exact
 * charge, and a button that pays exactly that.
 */
export function ConfirmCharge({ milestoneId, idemKey, quote }: { milestoneId: string; idemKey: string; quote: ChargeQuote }) {
  return (
    <Form method="post" className="border-subtle rounded-control space-y-2 border p-3">
      <input type="hidden" name="intent" value="fund" />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="key" value={idemKey} />
      <input type="hidden" name="currency" value={quote.chargedCurrency} />
      <input type="hidden" name="chargedAmount" value={quote.chargedAmount} />
      <p className="text-sm" role="status">
        <QuoteText quote={quote} />
      </p>
      <Button>Pay {formatMoney(quote.chargedAmount, quote.chargedCurrency)}</Button>
    </Form>
  );
}
