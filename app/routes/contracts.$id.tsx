import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CardPayments } from "~/components/contract/card-payments";
import { ContractCurrencyCard } from "~/components/contract/currency-card";
import { CONFIRMED_CONTRACT_INTENTS, contractConfirmation } from "~/components/contract/confirmations";
import { MilestoneCard } from "~/components/contract/milestone-card";
import { OfferSummary } from "~/components/contract/offer-summary";
import { CONTRACT_STATUS_LABELS } from "~/components/contracts/labels";
import { ConfirmationPage, ConfirmButton, usePendingConfirmation, type FormValues } from "~/components/ui/confirm";
import { Timeline } from "~/components/contract/timeline";
import { ReviewsCard } from "~/components/reviews/reviews-card";
import { ContractTimeAndInvoices } from "~/components/hourly/contract-time-link";
import { StartCallButton } from "~/components/calls/start-call-button";
import { ProposeMeetingLink } from "~/components/meetings/propose-meeting-link";
import { MessageButton } from "~/components/messaging/message-button";
import { WhiteboardLink } from "~/components/contract/whiteboard-link";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Avatar } from "~/components/ui/avatar";
import { TheirLocalTime, firstName } from "~/components/ui/their-local-time";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, inputClass } from "~/components/ui/field";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { chargeToConfirm, chosenFiles, contractIntentSchema, runContractIntent } from "~/utils/contract-actions.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { messageOf } from "~/utils/forms.server";
import { formatMoney, toMajorText } from "~/utils/money";
import { contractCurrencyView, payInCurrenciesFor } from "~/utils/contract-currency.server";
import { getContractDetail } from "../../worker/domain/contracts/queries";
import type { ChargeQuote } from "../../worker/domain/currency/payable";
import { pendingPaymentsOf } from "../../worker/domain/payments/pending";
import { SANDBOX_LABEL } from "../../worker/platform/payments/sandbox";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.contract.project.title ?? "Contract"} — MegiLance` },
];

async function loadContract(context: LoaderFunctionArgs["context"], userId: string, id: string) {
  try {
    return await getContractDetail(domainFrom(context), userId, id);
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const contract = await loadContract(context, viewer.user.id, params.id ?? "");
  const fresh = () => crypto.randomUUID();
  // A key per rendered form: a double submit or a retried POST moves money once.
  const keys = Object.fromEntries(
    contract.milestones.map((m) => [m.id, { fund: fresh(), approve: fresh(), release: fresh(), refund: fresh() }]),
  );
  return {
    viewer: summarizeViewer(viewer),
    me: viewer.user.id,
    contract,
    keys,
    sandboxLabel: SANDBOX_LABEL,
    cardPayments: !!domainFrom(context).payments?.stripe,
    currency: await contractCurrencyView(domainFrom(context), viewer.user, contract),
    // The client's unfinished payments, so each can be cancelled and the milestone paid another way.
    pendingPayments: contract.viewerRole === "client" ? await pendingPaymentsOf(domainFrom(context), viewer.user.id, contract.id) : {},
    payInCurrencies: await payInCurrenciesFor(domainFrom(context), viewer.user, contract),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const id = params.id ?? "";
  const contract = await loadContract(context, viewer.user.id, id);
  const form = await request.formData();
  const parsed = contractIntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return data(
      {
        error: parsed.error.issues[0]?.message ?? "Check the form and try again.",
        milestoneId: null as string | null,
        quote: null as ChargeQuote | null,
      },
      { status: 422 },
    );
  }
  const milestoneId = "milestoneId" in parsed.data ? parsed.data.milestoneId : null;
  const ctx = domainFrom(context);
  const unconfirmed = confirmationNeeded(form, CONFIRMED_CONTRACT_INTENTS);
  if (unconfirmed) return unconfirmed;
  try {
    const quote = await chargeToConfirm(ctx, viewer.user, contract, parsed.data);
    if (quote) return data({ error: null, milestoneId, quote });
    await runContractIntent(ctx, viewer.user, contract, parsed.data, {
      bucket: context.cloudflare.env.FILES,
      files: await chosenFiles(form.getAll("files")),
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throwIfNotFound(error);
    // The rate moved since the client saw it: nothing was charged; show the new charge to confirm.
    const quote =
      error.code === "quote_changed" && parsed.data.intent === "fund"
        ? await chargeToConfirm(ctx, viewer.user, contract, { ...parsed.data, chargedAmount: undefined })
        : null;
    const field = Object.values(error.fields ?? {}).flat()[0];
    return data({ error: quote ? messageOf(error) : (field ?? messageOf(error)), milestoneId, quote }, { status: error.status });
  }
  return redirect(`/contracts/${id}`);
}

const STATUS_TONE = { offered: "warning", active: "brand", declined: "neutral", ended: "neutral" } as const;

export default function ContractPage() {
  const {
    viewer,
    me,
    contract: c,
    keys,
    sandboxLabel,
    cardPayments,
    currency,
    pendingPayments,
    payInCurrencies,
  } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = answer && "error" in answer ? answer : null;
  const pending = usePendingConfirmation();
  const formKey = useLocation().key;
  const confirm = (values: FormValues) => contractConfirmation(c, values);
  const role = c.viewerRole;
  const money = (n: number) => formatMoney(n, c.currency);
  const other = role === "client" ? c.freelancer : c.client;
  const pageError = failed && !failed.milestoneId ? failed.error : null;
  const canPlan = role === "client" && (c.status === "offered" || c.status === "active") && c.type === "fixed";
  if (pending) {
    return (
      <PortalShell title="Contract" viewer={viewer}>
        <ConfirmationPage confirmation={confirm(pending.values)} pending={pending} />
      </PortalShell>
    );
  }
  return (
    <PortalShell title="Contract" viewer={viewer}>
      <div className="max-w-4xl space-y-6">
        <div>
          <p className="text-muted flex items-center gap-2 text-sm">
            <Avatar name={other.name} photoUrl={other.photoUrl} size="md" />
            <span className="min-w-0">
              Contract with {other.name} ·{" "}
              <Link to={`/projects/${c.project.id}`} className="underline">
                {c.project.title}
              </Link>
            </span>
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold tracking-tight">
            <span className="min-w-0 break-words">{c.title}</span>{" "}
            <Badge tone={STATUS_TONE[c.status as keyof typeof STATUS_TONE] ?? "neutral"}>
              {CONTRACT_STATUS_LABELS[c.status] ?? c.status}
            </Badge>
          </h1>
          <TheirLocalTime name={firstName(other.name)} timeZone={other.timeZone} className="text-muted mt-1 text-sm" />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <MessageButton subject={{ contractId: c.id }} name={other.name} variant="primary" />
          <StartCallButton contractId={c.id} />
          <ProposeMeetingLink contractId={c.id} />
          <WhiteboardLink contractId={c.id} />
        </div>
        {pageError ? <Alert tone="danger">{pageError}</Alert> : null}
        <ContractCurrencyCard contract={c} display={currency.display} />

        <OfferSummary contract={c} />
        <Card title="Terms">
          <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-muted">Type</dt>
            <dd>{c.type === "fixed" ? "Fixed price" : "Hourly"}</dd>
            <dt className="text-muted">{c.type === "fixed" ? "Price" : "Hourly rate"}</dt>
            <dd>{c.type === "fixed" ? money(c.amount ?? 0) : `${money(c.hourlyRate ?? 0)} per hour`}</dd>
            {c.type === "hourly" ? (
              <>
                <dt className="text-muted">Weekly limit</dt>
                <dd>{c.weeklyHourLimit ? `${c.weeklyHourLimit} hours` : "No limit"}</dd>
              </>
            ) : null}
            <dt className="text-muted">Start date</dt>
            <dd>{c.startDate ?? "Not set"}</dd>
            <dt className="text-muted">Funds held for this contract</dt>
            <dd className="font-semibold">{money(c.funds.held)}</dd>
            <dt className="text-muted">Paid to the freelancer so far</dt>
            <dd>{money(c.funds.released)} (before the platform fee)</dd>
          </dl>
          {role === "client" && c.status === "offered" ? (
            <Form key={formKey} method="post" className="mt-4 grid gap-3 sm:grid-cols-3 sm:items-end">
              <input type="hidden" name="intent" value="terms" />
              {c.type === "fixed" ? (
                <Field
                  label={`Price (${c.currency})`}
                  inputProps={{
                    id: "terms-amount",
                    name: "amount",
                    inputMode: "decimal",
                    defaultValue: toMajorText(c.amount ?? 0, c.currency),
                  }}
                />
              ) : (
                <>
                  <Field
                    label={`Hourly rate (${c.currency})`}
                    inputProps={{
                      id: "terms-rate",
                      name: "hourlyRate",
                      inputMode: "decimal",
                      defaultValue: toMajorText(c.hourlyRate ?? 0, c.currency),
                    }}
                  />
                  <Field
                    label="Weekly limit (hours)"
                    inputProps={{
                      id: "terms-weekly",
                      name: "weeklyHourLimit",
                      inputMode: "numeric",
                      defaultValue: c.weeklyHourLimit ?? "",
                    }}
                  />
                </>
              )}
              <Field
                label="Start date"
                inputProps={{ id: "terms-start", name: "startDate", type: "date", defaultValue: c.startDate ?? "" }}
              />
              <Button variant="secondary">Save terms</Button>
            </Form>
          ) : null}
          {role === "freelancer" && c.status === "offered" ? (
            <div className="mt-4 flex flex-wrap items-end gap-3">
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <ConfirmButton confirm={confirm}>Accept offer</ConfirmButton>
              </Form>
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="decline" />
                <Field label="Reason for declining (optional)" inputProps={{ id: "decline-reason", name: "reason", maxLength: 1000 }} />
                <ConfirmButton confirm={confirm} variant="secondary">
                  Decline offer
                </ConfirmButton>
              </Form>
            </div>
          ) : null}
        </Card>

        {c.type === "fixed" ? (
          <Card
            title="Milestones"
            description="Each milestone is paid when the client approves the work, or automatically 14 days after submission."
          >
            {c.milestones.length ? (
              <ul className="space-y-4">
                {c.milestones.map((m) => (
                  <MilestoneCard
                    key={m.id}
                    m={m}
                    role={role}
                    contractStatus={c.status}
                    keys={keys[m.id]}
                    sandboxLabel={sandboxLabel}
                    error={failed?.milestoneId === m.id ? failed.error : null}
                    pendingPayment={pendingPayments[m.id] ?? null}
                    payIn={{ currencies: payInCurrencies, quote: failed?.milestoneId === m.id ? (failed.quote ?? null) : null }}
                    confirm={confirm}
                  />
                ))}
              </ul>
            ) : (
              <p className="text-muted text-sm">No milestones yet.</p>
            )}
            {canPlan ? (
              <Form key={formKey} method="post" className="mt-6 grid gap-3 sm:grid-cols-[1fr_9rem_11rem_auto] sm:items-end">
                <input type="hidden" name="intent" value="add-milestone" />
                <Field label="New milestone" inputProps={{ id: "new-title", name: "title", required: true, maxLength: 200 }} />
                <Field
                  label={`Amount (${c.currency})`}
                  inputProps={{ id: "new-amount", name: "amount", required: true, inputMode: "decimal" }}
                />
                <Field label="Due date (optional)" inputProps={{ id: "new-due", name: "dueDate", type: "date" }} />
                <Button variant="secondary">Add</Button>
              </Form>
            ) : null}
          </Card>
        ) : null}

        {cardPayments && role === "client" && (c.status === "offered" || c.status === "active") && c.type === "fixed" ? (
          <CardPayments contractId={c.id} milestones={c.milestones} pendingPayments={pendingPayments} />
        ) : null}

        {c.status === "active" ? (
          <Card
            title="End the contract"
            description="Submitted work must be approved or sent back first. Funds held for milestones not yet submitted go back to the client."
          >
            <Form key={formKey} method="post" className="space-y-2">
              <input type="hidden" name="intent" value="end" />
              <label htmlFor="end-reason" className="block text-sm font-medium">
                Why does it end?
              </label>
              <textarea id="end-reason" name="reason" required maxLength={1000} rows={2} className={inputClass} />
              <ConfirmButton confirm={confirm} variant="danger">
                End contract
              </ConfirmButton>
            </Form>
          </Card>
        ) : null}

        <ContractTimeAndInvoices contractId={c.id} type={c.type} />

        {c.status === "ended" ? <ReviewsCard contractId={c.id} /> : null}

        <Card title="Timeline">
          <Timeline
            entries={c.timeline}
            currency={c.currency}
            parties={{ clientId: c.client.id, freelancerId: c.freelancer.id, me }}
            milestoneTitles={Object.fromEntries(c.milestones.map((m) => [m.id, m.title]))}
          />
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
