import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "../ui/alert";
import { AttachmentList, type AttachmentItem } from "../ui/attachment-list";
import { Badge, type Tone } from "../ui/badge";
import { Button, buttonClass } from "../ui/button";
import { ConfirmButton, type Confirmation, type FormValues } from "../ui/confirm";
import { Field, inputClass } from "../ui/field";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import { DisputeLink } from "../disputes/dispute-link";
import { formatDay } from "../../../worker/domain/time/format";
import { ChargedBeside, MILESTONE_TONES, MilestoneMoneyFacts, type MilestoneMoneyFactsData } from "./milestone-outcome";
import type { ChargeQuote } from "../../../worker/domain/currency/payable";
import { ConfirmCharge, PayInCurrency, type PayableCurrency } from "./pay-in-currency";

export interface MilestoneItem {
  id: string;
  contractId: string;
  title: string;
  amount: number;
  currency: string;
  dueDate: string | null;
  status: string;
  statusLabel: string;
  funds: { funded: number; held: number; released: number; refunded: number };
  decision: MilestoneMoneyFactsData["decision"];
  charged: MilestoneMoneyFactsData["charged"];
  submissionMessage: string | null;
  submissionFiles: AttachmentItem[];
  changesMessage: string | null;
  autoApproveAt: string | null;
}

function Hidden({ intent, milestoneId, idemKey }: { intent: string; milestoneId: string; idemKey?: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      {idemKey ? <input type="hidden" name="key" value={idemKey} /> : null}
    </>
  );
}

/** A payment the client started and did not finish, from the contract page's loader. */
export interface PendingPaymentItem {
  id: string;
  provider: "sandbox" | "stripe" | "usdc";
  createdAt: string;
}

const PROVIDER_LABELS: Record<PendingPaymentItem["provider"], string> = { sandbox: "the sandbox", stripe: "card (Stripe)", usdc: "USDC" };

/** "Payment started with …": the client finishes it or cancels it, then can pay another way. */
function PendingPayment({ m, payment }: { m: MilestoneItem; payment: PendingPaymentItem }) {
  const label = PROVIDER_LABELS[payment.provider];
  return (
    <Alert tone="warning">
      <Form method="post" className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Hidden intent="cancel-payment" milestoneId={m.id} />
        <input type="hidden" name="paymentId" value={payment.id} />
        <p className="min-w-0 flex-1 basis-56">
          <span className="font-semibold">Payment started with {label}</span> on <LocalTime value={payment.createdAt} />, not finished yet.{" "}
          {payment.provider === "usdc" ? "If you already sent the USDC, keep it and verify the transaction instead. " : null}
          Cancel it to pay another way; unfinished payments are cancelled after a day.
        </p>
        {payment.provider === "stripe" ? (
          <Link to={`/contracts/${m.contractId}/card?milestone=${m.id}`} className={buttonClass("secondary", "sm")}>
            Continue by card
          </Link>
        ) : null}
        <Button variant="secondary" size="sm" aria-label={`Cancel the ${label} payment for ${m.title}`}>
          Cancel
        </Button>
      </Form>
    </Alert>
  );
}

function MoreForm({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="border-subtle rounded-control border px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

function MoveForm({
  m,
  intent,
  idemKey,
  label,
  confirm,
}: {
  m: MilestoneItem;
  intent: "release" | "refund";
  idemKey: string;
  label: string;
  confirm: (values: FormValues) => Confirmation;
}) {
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
      <Hidden intent={intent} milestoneId={m.id} idemKey={idemKey} />
      <Field
        label={`Amount (${m.currency})`}
        inputProps={{ id: `${m.id}-${intent}-amount`, name: "amount", inputMode: "decimal", required: true }}
      />
      <Field label="Reason" inputProps={{ id: `${m.id}-${intent}-reason`, name: "reason", required: true, maxLength: 500 }} />
      <ConfirmButton confirm={confirm} variant="secondary">
        {label}
      </ConfirmButton>
    </Form>
  );
}

export function MilestoneCard({
  m,
  role,
  contractStatus,
  keys,
  sandboxLabel,
  error,
  pendingPayment = null,
  payIn = { currencies: [], quote: null },
  confirm,
}: {
  m: MilestoneItem;
  role: "client" | "freelancer";
  contractStatus: string;
  keys: { fund: string; approve: string; release: string; refund: string };
  sandboxLabel: string;
  error: string | null;
  /** The client's unfinished payment for this milestone, if any. */
  pendingPayment?: PendingPaymentItem | null;
  /** Currencies the client can pay in, and a charge to confirm that the server quoted for this milestone. */
  payIn?: { currencies: PayableCurrency[]; quote: ChargeQuote | null };
  /** What the confirmation of a money step on this card says (see contract/confirmations.tsx). */
  confirm: (values: FormValues) => Confirmation;
}) {
  const tone: Tone = MILESTONE_TONES[m.status] ?? "neutral";
  const open = contractStatus === "offered" || contractStatus === "active";
  const active = contractStatus === "active";
  const holding = ["funded", "submitted", "changes_requested"].includes(m.status);
  const money = (n: number) => formatMoney(n, m.currency);
  return (
    <li className="border-subtle rounded-card border p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{m.title}</h3>
          <p className="text-muted text-sm">
            {money(m.amount)}
            <ChargedBeside charged={m.charged} />
            {m.dueDate ? <> · due {formatDay(m.dueDate)}</> : null}
          </p>
        </div>
        <Badge tone={tone}>{m.statusLabel}</Badge>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted">Funds held for this milestone</dt>
          <dd className="font-semibold">{money(m.funds.held)}</dd>
        </div>
        <div>
          <dt className="text-muted">Released</dt>
          <dd>{money(m.funds.released)}</dd>
        </div>
        <div>
          <dt className="text-muted">Refunded</dt>
          <dd>{money(m.funds.refunded)}</dd>
        </div>
        {m.autoApproveAt ? (
          <div>
            <dt className="text-muted">Approved automatically on</dt>
            <dd>
              <LocalTime value={m.autoApproveAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      <MilestoneMoneyFacts m={m} />
      {m.submissionMessage ? <p className="mt-2 text-sm">Freelancer’s note: “{m.submissionMessage}”</p> : null}
      {m.submissionFiles.length ? (
        <div className="mt-2 text-sm">
          <p>Files handed in:</p>
          <AttachmentList items={m.submissionFiles} />
        </div>
      ) : null}
      {m.changesMessage && m.status === "changes_requested" ? (
        <p className="mt-2 text-sm">Changes asked for: “{m.changesMessage}”</p>
      ) : null}
      {error ? (
        <Alert tone="danger" className="mt-3">
          {error}
        </Alert>
      ) : null}
      <div className="mt-4 space-y-3">
        {role === "client" && m.status === "pending" && open && pendingPayment ? <PendingPayment m={m} payment={pendingPayment} /> : null}
        {role === "client" && m.status === "pending" && open && !pendingPayment ? (
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <Hidden intent="fund" milestoneId={m.id} idemKey={keys.fund} />
            <PayInCurrency milestoneId={m.id} contractId={m.contractId} contractCurrency={m.currency} currencies={payIn.currencies} />
            <ConfirmButton confirm={confirm}>Fund {money(m.amount)}</ConfirmButton>
            <Badge tone="warning">{sandboxLabel}</Badge>
          </Form>
        ) : null}
        {role === "client" && m.status === "pending" && open && !pendingPayment && payIn.quote ? (
          <ConfirmCharge milestoneId={m.id} idemKey={keys.fund} quote={payIn.quote} />
        ) : null}
        {role === "client" && m.status === "submitted" && active ? (
          <Form method="post">
            <Hidden intent="approve" milestoneId={m.id} idemKey={keys.approve} />
            <ConfirmButton confirm={confirm}>Approve and pay {money(m.funds.held)}</ConfirmButton>
          </Form>
        ) : null}
        {role === "client" && m.status === "submitted" && active ? (
          <MoreForm summary="Ask for changes">
            <Form method="post" className="space-y-2">
              <Hidden intent="request-changes" milestoneId={m.id} />
              <label htmlFor={`${m.id}-changes`} className="block text-sm font-medium">
                What should change?
              </label>
              <textarea id={`${m.id}-changes`} name="message" required maxLength={5000} rows={3} className={inputClass} />
              <Button variant="secondary">Send back for changes</Button>
            </Form>
          </MoreForm>
        ) : null}
        {role === "client" && holding && active ? (
          <MoreForm summary="Release part of the held funds now">
            <MoveForm m={m} intent="release" idemKey={keys.release} label="Release" confirm={confirm} />
          </MoreForm>
        ) : null}
        {role === "client" && m.status === "funded" && open ? (
          <MoreForm summary="Refund part of the held funds to me">
            <MoveForm m={m} intent="refund" idemKey={keys.refund} label="Refund" confirm={confirm} />
          </MoreForm>
        ) : null}
        {role === "freelancer" && (m.status === "funded" || m.status === "changes_requested") && active ? (
          <Form method="post" encType="multipart/form-data" className="space-y-2">
            <Hidden intent="submit" milestoneId={m.id} />
            <label htmlFor={`${m.id}-submit`} className="block text-sm font-medium">
              Note for the client (optional)
            </label>
            <textarea id={`${m.id}-submit`} name="message" maxLength={5000} rows={2} className={inputClass} />
            <label htmlFor={`${m.id}-files`} className="block text-sm font-medium">
              Files (optional) <span className="text-muted font-normal">images up to 5 MB, PDFs up to 10 MB</span>
            </label>
            <input
              id={`${m.id}-files`}
              name="files"
              type="file"
              multiple
              accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
              className="block w-full max-w-full text-sm"
            />
            <Button>Submit work for review</Button>
          </Form>
        ) : null}
        {holding && active ? <DisputeLink contractId={m.contractId} milestoneId={m.id} /> : null}
      </div>
    </li>
  );
}
