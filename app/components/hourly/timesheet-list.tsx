import { Form, Link } from "@remix-run/react";
import { Badge, type Tone } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmButton, type Confirmation } from "../ui/confirm";
import { inputClass } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import { hoursText } from "./format";

export interface TimesheetItem {
  id: string;
  weekStart: string;
  label: string;
  status: string;
  minutes: number;
  amount: number;
  currency: string;
  disputeReason: string | null;
  autoApproved: boolean;
  autoApproveAt: string | null;
}

const STATUS: Record<string, { label: string; tone: Tone }> = {
  submitted: { label: "Waiting for the client", tone: "warning" },
  approved: { label: "Approved and paid", tone: "success" },
  disputed: { label: "Disputed: back with the freelancer", tone: "danger" },
};

/** Approving a week charges the client and pays the freelancer: it is confirmed first. */
export function timesheetConfirmation(t: Pick<TimesheetItem, "label" | "minutes" | "amount" | "currency">): Confirmation {
  const money = formatMoney(t.amount, t.currency);
  return {
    title: `Approve ${t.label} and pay ${money}?`,
    body: (
      <p>
        {hoursText(t.minutes)} at the contract's rate: {money} is charged to you and paid to the freelancer (before the platform fee). A
        payment cannot be taken back.
      </p>
    ),
    confirmLabel: `Approve and pay ${money}`,
  };
}

export function TimesheetList({ items, role, contractActive }: { items: TimesheetItem[]; role: string; contractActive: boolean }) {
  if (!items.length) return <p className="text-muted text-sm">No timesheets yet. The freelancer submits each week's time here.</p>;
  return (
    <ul className="divide-subtle divide-y">
      {items.map((t) => {
        const status = STATUS[t.status] ?? { label: t.status, tone: "neutral" as Tone };
        return (
          <li key={t.id} className="space-y-2 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                <Link to={`?week=${t.weekStart}`} className="underline">
                  {t.label}
                </Link>{" "}
                <span className="text-muted text-sm">(week of {t.weekStart})</span>
              </p>
              <Badge tone={status.tone}>{status.label}</Badge>
            </div>
            <p className="text-sm">
              {hoursText(t.minutes)} · <span className="font-semibold">{formatMoney(t.amount, t.currency)}</span>
              {t.autoApproved ? " · approved automatically" : ""}
            </p>
            {t.disputeReason && t.status === "disputed" ? <p className="text-sm">Client's reason: {t.disputeReason}</p> : null}
            {t.status === "submitted" && t.autoApproveAt ? (
              <p className="text-muted text-xs">
                Approved automatically on <LocalTime value={t.autoApproveAt} /> if the client does not answer.
              </p>
            ) : null}
            {role === "client" && t.status === "submitted" && contractActive ? (
              <div className="flex flex-wrap items-start gap-3">
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="timesheetId" value={t.id} />
                  <ConfirmButton size="sm" confirm={timesheetConfirmation(t)}>
                    Approve and pay {formatMoney(t.amount, t.currency)}
                  </ConfirmButton>
                </Form>
                <details className="border-subtle rounded-control min-w-0 flex-1 border px-3 py-1.5">
                  <summary className="cursor-pointer text-sm font-medium">Dispute this week</summary>
                  <Form method="post" className="mt-2 space-y-2">
                    <input type="hidden" name="intent" value="dispute" />
                    <input type="hidden" name="timesheetId" value={t.id} />
                    <label htmlFor={`reason-${t.id}`} className="block text-sm font-medium">
                      What is wrong with it?
                    </label>
                    <textarea id={`reason-${t.id}`} name="reason" required maxLength={2000} rows={2} className={inputClass} />
                    <Button size="sm" variant="secondary">
                      Send it back
                    </Button>
                  </Form>
                </details>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
