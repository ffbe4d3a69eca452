import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DisputeDetails } from "~/components/disputes/dispute-details";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { RadioGroup } from "~/components/ui/choice";
import { Field, inputClass } from "~/components/ui/field";
import { requireRole } from "~/utils/auth.server";
import { formFailure } from "~/utils/disputes.server";
import { AppError, domainFrom } from "~/utils/domain.server";
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
    if (error instanceof AppError && error.status === 404) throw new Response("No such dispute.", { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const parsed = resolveForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  try {
    await resolveDispute(domainFrom(context), viewer.user, params.id ?? "", parsed.data);
  } catch (error) {
    return formFailure(error, "No such dispute.");
  }
  return redirect(`/admin/disputes/${params.id}`);
}

export default function AdminDispute() {
  const { dispute: d } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
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
            <Button disabled={busy}>{busy ? "Deciding…" : "Decide the dispute"}</Button>
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
