import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DisputeDetails } from "~/components/disputes/dispute-details";
import { StatementForm } from "~/components/disputes/statement-form";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { formFailure, statementFrom } from "~/utils/disputes.server";
import { domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { respondToDispute } from "../../worker/domain/disputes/open";
import { getDispute } from "../../worker/domain/disputes/queries";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `Dispute: ${loaded?.dispute.milestoneTitle ?? "milestone"} — MegiLance` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const dispute = await getDispute(domainFrom(context), viewer.user, params.id ?? "");
    return { viewer: summarizeViewer(viewer), dispute };
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const id = params.id ?? "";
  try {
    const statement = await statementFrom(context, viewer.user, await request.formData());
    await respondToDispute(domainFrom(context), viewer.user, id, statement);
  } catch (error) {
    return formFailure(error);
  }
  return redirect(`/disputes/${id}`);
}

export default function DisputePage() {
  const { viewer, dispute: d } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <PortalShell title="Dispute" viewer={viewer}>
      <div className="max-w-3xl space-y-6">
        <div>
          <Link to={d.viewerRole === "admin" ? `/admin/disputes/${d.id}` : `/contracts/${d.contractId}`} className="text-sm underline">
            {d.viewerRole === "admin" ? "Open in the admin console" : "Back to the contract"}
          </Link>
          <h1 className="mt-2 text-2xl font-bold tracking-tight">Dispute: {d.milestoneTitle}</h1>
          <p className="text-muted text-sm">{d.projectTitle}</p>
        </div>
        {d.canRespond ? (
          <Card title="Your answer" description="Give your side and attach what supports it. An admin then decides.">
            {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
            <StatementForm intent="respond" label="Your side of the story" submitLabel="Send my answer" />
          </Card>
        ) : null}
        <DisputeDetails d={d} />
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
