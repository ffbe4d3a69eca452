import type { Confirmation, FormValues } from "~/utils/confirm";
import { formatMoney, toMinorUnits } from "~/utils/money";

/** The intents of the contract page that move money or cannot be undone: they are confirmed first. */
export const CONFIRMED_CONTRACT_INTENTS = ["accept", "decline", "fund", "approve", "release", "refund", "end"] as const;

export interface ConfirmableContract {
  title: string;
  type: "fixed" | "hourly";
  amount: number | null;
  hourlyRate: number | null;
  weeklyHourLimit: number | null;
  startDate: string | null;
  currency: string;
  viewerRole: "client" | "freelancer";
  client: { name: string };
  freelancer: { name: string };
  funds: { held: number };
  milestones: Array<{ id: string; title: string; amount: number; funds: { held: number } }>;
}

function termsText(c: ConfirmableContract): string {
  const money = (n: number) => formatMoney(n, c.currency);
  const price =
    c.type === "fixed"
      ? `${money(c.amount ?? 0)} fixed price${c.milestones.length ? ` in ${c.milestones.length} milestone${c.milestones.length === 1 ? "" : "s"}` : ""}`
      : `${money(c.hourlyRate ?? 0)} an hour${c.weeklyHourLimit ? `, up to ${c.weeklyHourLimit} hours a week` : ""}`;
  return c.startDate ? `${price}, starting ${c.startDate}` : price;
}

/** What each confirmed step of the contract page says, from the contract and the fields of the form being sent. */
export function contractConfirmation(c: ConfirmableContract, values: FormValues): Confirmation {
  const money = (n: number) => formatMoney(n, c.currency);
  const milestone = c.milestones.find((m) => m.id === values.milestoneId);
  const name = milestone ? `“${milestone.title}”` : "this milestone";
  const typed = toMinorUnits(values.amount ?? "", c.currency);
  const typedMoney = typed ? money(typed) : `${values.amount ?? ""} ${c.currency}`;
  switch (values.intent) {
    case "accept":
      return {
        title: "Accept this offer?",
        body: (
          <p>
            You agree to work on “{c.title}” for {c.client.name}: {termsText(c)}. The contract becomes active and the client can fund the
            work.
          </p>
        ),
        confirmLabel: "Accept offer",
      };
    case "decline":
      return {
        title: "Decline this offer?",
        body: (
          <p>
            {c.client.name} is told you declined{values.reason ? ` (“${values.reason}”)` : ""}. A declined offer cannot be accepted later.
          </p>
        ),
        confirmLabel: "Decline offer",
        tone: "danger",
      };
    case "fund": {
      const other = values.currency && values.currency !== c.currency ? ` You pay it in ${values.currency} at the rate shown.` : "";
      return {
        title: `Fund ${milestone ? money(milestone.amount) : "this milestone"}?`,
        body: (
          <p>
            {milestone ? money(milestone.amount) : "The amount"} for {name} is charged to you and held in escrow.{other} {c.freelancer.name}{" "}
            is paid when you approve the work; if the contract ends before that, it comes back to you.
          </p>
        ),
        confirmLabel: `Fund ${milestone ? money(milestone.amount) : "milestone"}`,
      };
    }
    case "approve":
      return {
        title: `Approve ${name} and pay ${money(milestone?.funds.held ?? 0)}?`,
        body: (
          <p>
            {money(milestone?.funds.held ?? 0)} held for {name} is released to {c.freelancer.name} (before the platform fee). A payment
            cannot be taken back.
          </p>
        ),
        confirmLabel: `Approve and pay ${money(milestone?.funds.held ?? 0)}`,
      };
    case "release":
      return {
        title: `Release ${typedMoney} now?`,
        body: (
          <p>
            {typedMoney} of the funds held for {name} goes to {c.freelancer.name} now; the rest stays in escrow. Reason:{" "}
            {values.reason || "none"}. A payment cannot be taken back.
          </p>
        ),
        confirmLabel: `Release ${typedMoney}`,
      };
    case "refund":
      return {
        title: `Refund ${typedMoney} to you?`,
        body: (
          <p>
            {typedMoney} of the funds held for {name} comes back to you and is no longer held for {c.freelancer.name}. Reason:{" "}
            {values.reason || "none"}.
          </p>
        ),
        confirmLabel: `Refund ${typedMoney}`,
      };
    case "end":
      return {
        title: "End this contract?",
        body: (
          <>
            <p>
              The contract with {c.viewerRole === "client" ? c.freelancer.name : c.client.name} ends for good. Funds still held (
              {money(c.funds.held)}) go back to the client and milestones not funded are cancelled.
            </p>
            {values.reason ? <p>Reason: “{values.reason}”</p> : null}
          </>
        ),
        confirmLabel: "End contract",
        tone: "danger",
      };
    default:
      return { title: "Are you sure?", body: <p>This cannot be undone.</p>, confirmLabel: "Continue" };
  }
}
