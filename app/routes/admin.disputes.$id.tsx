import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DisputeDetails } from "~/components/disputes/dispute-details";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { ConfirmButton, ConfirmationPage, usePendingConfirmation, type Confirmation, type FormValues } from "~/components/ui/confirm";
import { Card } from "~/components/ui/card";
import { RadioGroup } from "~/components/ui/choice";
import { Field, inputClass } from "~/components/ui/field";
import { requireRole } from "~/utils/auth.server";
import { askToConfirm, isConfirmed } from "~/utils/confirm.server";
import { formFailure } from "~/utils/disputes.server";
import { formatMoney } from "~/utils/money";
import { domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { resolveDisputeInput, splitPercent } from "../../worker/domain/disputes/inputs";
import { getDispute } from "../../worker/domain/disputes/queries";
import { resolveDispute } from "../../worker/domain/disputes/resolve";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Dispute: ${loaded?.dispute.milestoneTitle ?? "milestone"} — Admin console — MegiLance` },
];

const resolveForm = resolveDisputeInput.extend({
  freelancerPercent: z.preprocess((v) => (v === "" || v == null ? undefined : Number(v)), splitPercent.optional()),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  try {
    return { dispute: await getDispute(domainFrom(context), viewer.user, params.id ?? "") };
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = await request.formData();
  const parsed = resolveForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  // The held funds move once and for good: nothing happens until the decision is confirmed.
  if (!isConfirmed(form)) return askToConfirm(form);
  try {
    await resolveDispute(domainFrom(context), viewer.user, params.id ?? "", parsed.data);
  } catch (error) {
    return formFailure(error);
  }
  return redirect(`/admin/disputes/${params.id}`);
}

/** What the decision does with the held amount, named before it is made. */
function decisionConfirmation(values: FormValues, held: number, currency: string): Confirmation {
  const money = (n: number) => formatMoney(n, currency);
  const percent = Number(values.freelancerPercent);
  const body =
    values.outcome === "release"
      ? `All ${money(held)} held goes to the freelancer, less the fee.`
      : values.outcome === "refund"
        ? `All ${money(held)} held goes back to the client.`
        : Number.isInteger(percent) && percent >= 1 && percent <= 99
          ? `Of the ${money(held)} held, ${percent}% goes to the freelancer (less the fee) and the rest to the client.`
          : `The ${money(held)} held is split by the share you entered.`;
  return {
    title: "Decide this dispute?",
    body: `${body} The funds move at once, both sides are told, and the decision cannot be undone.`,
    confirmLabel: "Decide the dispute",
    tone: "danger",
  };
}

export default function AdminDispute() {
  const { dispute: d } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "error" in actionData ? actionData : null;
  const busy = useNavigation().state === "submitting";
  const pending = usePendingConfirmation();
  if (pending) return <ConfirmationPage confirmation={decisionConfirmation(pending.values, d.amount, d.currency)} pending={pending} />;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link to="/admin/disputes" className="text-sm underline">
          Back to the queue
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">Dispute: {d.milestoneTitle}</h1>
        <p className="text-muted text-sm">{d.projectTitle}</p>
      </div>
      {d.status !== "resolved" ? (
        <Card title="Decide" description="The held funds move once, through the ledger, and both sides are told.">
          {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
          <Form method="post" className="space-y-4">
            <RadioGroup
              legend="Outcome"
              name="outcome"
              id="outcome"
              options={[
                { value: "release", label: "Release", description: "Everything held goes to the freelancer, less the fee." },
                { value: "refund", label: "Refund", description: "Everything held goes back to the client." },
                { value: "split", label: "Split", description: "The freelancer gets the share below; the client the rest." },
              ]}
            />
            <Field
              label="Freelancer's share for a split (%)"
              hint="A whole number from 1 to 99; rounded down to the minor unit, the rest goes to the client."
              inputProps={{ id: "freelancerPercent", name: "freelancerPercent", type: "number", min: 1, max: 99, inputMode: "numeric" }}
            />
            <div>
              <label htmlFor="note" className="block text-sm font-medium">
                Decision note (both sides see it)
              </label>
              <textarea id="note" name="note" required maxLength={5000} rows={4} className={inputClass} />
            </div>
            <ConfirmButton confirm={(values) => decisionConfirmation(values, d.amount, d.currency)} disabled={busy}>
              {busy ? "Deciding…" : "Decide the dispute"}
            </ConfirmButton>
          </Form>
        </Card>
      ) : null}
      <DisputeDetails d={d} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
