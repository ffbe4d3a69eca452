import { parseWithZod } from "@conform-to/zod/v4";
import { offerAmount, offerFormSchema, type OfferInput } from "../../../worker/domain/contracts/offer-input";
import type { Confirmation, FormValues } from "~/utils/confirm";
import { formatMoney } from "~/utils/money";

export interface OfferContext {
  freelancerName: string;
  currency: string;
}

/** The offer as the form holds it, read with the same schema the server uses (amounts in minor units). */
export function readOffer(values: FormValues, currency: string): OfferInput | null {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  const submission = parseWithZod(data, { schema: offerFormSchema(currency) });
  return submission.status === "success" ? submission.value : null;
}

/** The review step of an offer: everything the freelancer will be asked to accept, before it is sent. */
export function offerConfirmation(values: FormValues, offer: OfferContext): Confirmation {
  const read = readOffer(values, offer.currency);
  const money = (n: number) => formatMoney(n, offer.currency);
  if (!read) {
    return {
      title: "Check the offer",
      body: <p>Some fields need another look. Close this and correct the highlighted fields.</p>,
      confirmLabel: "Send offer",
    };
  }
  return {
    title: `Send this offer to ${offer.freelancerName}?`,
    body: (
      <>
        <p className="break-words font-medium">“{read.title}”</p>
        {read.type === "fixed" ? (
          <>
            <p>
              Fixed price: {money(offerAmount(read))} in {read.milestones.length} milestone{read.milestones.length === 1 ? "" : "s"}:
            </p>
            <ul className="list-disc pl-5">
              {read.milestones.map((m, i) => (
                <li key={i} className="break-words">
                  {m.title}: {money(m.amount)}
                  {m.dueDate ? `, due ${m.dueDate}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            Hourly: {money(read.hourlyRate)} an hour, up to {read.weeklyHourLimit} hours a week (at most{" "}
            {money(read.hourlyRate * read.weeklyHourLimit)} a week).
          </p>
        )}
        <p>Starting {read.startDate}.</p>
        {read.message ? <p className="whitespace-pre-line break-words">Your message: “{read.message}”</p> : null}
        <p className="text-muted">
          Nothing is charged now. {offer.freelancerName} is notified and can accept or decline;{" "}
          {read.type === "fixed"
            ? "you fund milestones once the contract is active."
            : "you approve their weekly timesheets once the contract is active."}
        </p>
      </>
    ),
    confirmLabel: "Send offer",
  };
}
