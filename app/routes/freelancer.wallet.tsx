import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { ConfirmationPage, ConfirmButton, usePendingConfirmation, type Confirmation, type FormValues } from "~/components/ui/confirm";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Field } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { MoneyPair } from "~/components/ui/money-pair";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { messageOf } from "~/utils/forms.server";
import { displayRatesFor } from "~/utils/display-currency.server";
import { formatMoney, toMajorText, toMinorUnits } from "~/utils/money";
import { requestPayout } from "../../worker/domain/wallet/payouts";
import { getWallet } from "../../worker/domain/wallet/wallet";
import { SANDBOX_LABEL } from "../../worker/platform/payments/sandbox";

export const meta: MetaFunction = () => [{ title: "Wallet — MegiLance" }];

const KIND_LABELS: Record<string, string> = { release: "Payment released", payout: "Payout", refund: "Refund", funding: "Funding" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const wallet = await getWallet(domainFrom(context), viewer.user.id, { limit: 20, cursor });
  // A key per rendered form: a double submit or a retried POST pays out once.
  const display = await displayRatesFor(
    domainFrom(context),
    viewer.user,
    wallet.balances.map((b) => b.currency),
  );
  const year = domainFrom(context).clock.now().getUTCFullYear();
  return { ...wallet, payoutKey: crypto.randomUUID(), sandboxLabel: SANDBOX_LABEL, display, year };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const form = await request.formData();
  const currency = String(form.get("currency") ?? "");
  const amount = toMinorUnits(String(form.get("amount") ?? ""), currency);
  if (!currency || amount === null || amount <= 0) return data({ error: "Enter a positive amount, like 150.00." }, { status: 422 });
  if (!isConfirmed(form)) return askToConfirm(form);
  try {
    await requestPayout(domainFrom(context), viewer.user, { amount, currency, idempotencyKey: String(form.get("key") ?? "") || null });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = Object.values(error.fields ?? {}).flat()[0];
    return data({ error: field ? `${error.message} ${field}` : messageOf(error) }, { status: error.status });
  }
  return redirect(`/freelancer/wallet?paid=${encodeURIComponent(formatMoney(amount, currency))}`);
}

/** A payout leaves the platform: it is confirmed first, naming the amount. */
function payoutConfirmation(values: FormValues, sandboxLabel: string): Confirmation {
  const minor = toMinorUnits(values.amount ?? "", values.currency ?? "");
  const money = minor === null ? `${values.amount} ${values.currency}` : formatMoney(minor, values.currency ?? "");
  return {
    title: `Pay out ${money}?`,
    body: (
      <p>
        {money} leaves your available balance and is sent to your payout account ({sandboxLabel}). A payout cannot be cancelled once sent.
      </p>
    ),
    confirmLabel: `Pay out ${money}`,
  };
}

export default function Wallet() {
  const { balances, entries, payoutKey, sandboxLabel, display, year } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = answer && "error" in answer ? answer : null;
  const pending = usePendingConfirmation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const confirm = (values: FormValues) => payoutConfirmation(values, sandboxLabel);
  if (pending) return <ConfirmationPage confirmation={confirm(pending.values)} pending={pending} />;
  const paid = params.get("paid");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Wallet</h1>
        <p className="text-muted mt-1">What you earned, what is still held for your contracts, and your payouts.</p>
      </div>
      {paid ? <Alert tone="success">Payout of {paid} requested.</Alert> : null}
      {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
      {balances.length ? (
        balances.map((b) => (
          <Card key={b.currency} title={`Balance in ${b.currency}`}>
            <dl className="grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-muted">Available to pay out</dt>
                <dd className="text-xl font-semibold">
                  <MoneyPair amount={b.available} currency={b.currency} display={display} />
                </dd>
              </div>
              <div>
                <dt className="text-muted">Held for your active contracts (before the fee)</dt>
                <dd>
                  <MoneyPair amount={b.pending} currency={b.currency} display={display} />
                </dd>
              </div>
            </dl>
            {b.available > 0 ? (
              <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
                <input type="hidden" name="currency" value={b.currency} />
                <input type="hidden" name="key" value={payoutKey} />
                <Field
                  label={`Payout amount (${b.currency})`}
                  inputProps={{
                    id: `payout-${b.currency}`,
                    name: "amount",
                    inputMode: "decimal",
                    required: true,
                    defaultValue: toMajorText(b.available, b.currency),
                  }}
                />
                <ConfirmButton confirm={confirm} disabled={busy}>
                  {busy ? "Requesting…" : "Request payout"}
                </ConfirmButton>
                <Badge tone="warning">{sandboxLabel}</Badge>
              </Form>
            ) : null}
          </Card>
        ))
      ) : (
        <EmptyState title="Nothing earned yet">Payments show here once a client approves your work.</EmptyState>
      )}
      <Card title="Tax summary" description="Earnings, platform fees and the VAT or GST charged on them, for your tax return.">
        <ul className="space-y-2 text-sm">
          {[year, year - 1].map((y) => (
            <li key={y} className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <span className="font-medium">{y}</span>
              <a href={`/api/tax/summary?year=${y}&format=csv`} download={`megilance-tax-summary-${y}.csv`} className="underline">
                Download {y} summary (CSV)
              </a>
              <a href={`/api/tax/summary?year=${y}&format=pdf`} download={`megilance-tax-summary-${y}.pdf`} className="underline">
                Download {y} summary (PDF)
              </a>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Statement">
        {entries.items.length ? (
          <ul className="divide-subtle divide-y text-sm">
            {entries.items.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {KIND_LABELS[e.kind] ?? e.kind}
                  {e.memo ? <span className="text-muted"> · {e.memo}</span> : null}
                  <span className="text-muted block text-xs">
                    <LocalTime value={e.createdAt} />
                  </span>
                </span>
                <span className="font-medium">{formatMoney(e.amount, e.currency)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted text-sm">No movements yet.</p>
        )}
        <CursorPager nextCursor={entries.nextCursor} label="More statement lines" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
