import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DISPUTE_STATUS } from "~/components/disputes/dispute-details";
import { StatementForm } from "~/components/disputes/statement-form";
import { CursorPager } from "~/components/marketplace/pager";
import { PortalShell } from "~/components/portal/portal-shell";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { formFailure, statementFrom } from "~/utils/disputes.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { openDispute } from "../../worker/domain/disputes/open";
import { listContractDisputes } from "../../worker/domain/disputes/queries";
import { DISPUTABLE_MILESTONE_STATUSES, DISPUTE_RESPONSE_DAYS } from "../../worker/domain/disputes/rules";
import { milestoneForParty } from "../../worker/domain/milestones/access";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Disputes — MegiLance" }];

async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response("No such contract or milestone.", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const url = new URL(request.url);
  const contractId = params.id ?? "";
  const list = await orNotFound(() =>
    listContractDisputes(ctx, viewer.user, contractId, { limit: 20, cursor: url.searchParams.get("cursor") ?? undefined }),
  );
  const milestoneId = url.searchParams.get("milestone");
  let target = null;
  if (milestoneId) {
    const access = await orNotFound(() => milestoneForParty(ctx, milestoneId, viewer.user.id));
    if (access.contract.id !== contractId) throw new Response("No such milestone on this contract.", { status: 404 });
    const open = list.items.find((d) => d.milestoneId === milestoneId && d.status !== "resolved");
    const disputable =
      access.contract.status === "active" &&
      (DISPUTABLE_MILESTONE_STATUSES as readonly string[]).includes(access.milestone.status) &&
      access.funds.held > 0;
    target = {
      id: milestoneId,
      title: access.milestone.title,
      held: access.funds.held,
      currency: access.milestone.currency,
      disputable,
      openId: open?.id ?? null,
    };
  }
  return { viewer: summarizeViewer(viewer), contractId, disputes: list.items, nextCursor: list.nextCursor, target };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const milestoneId = String(form.get("milestoneId") ?? "");
  try {
    const statement = await statementFrom(context, viewer.user, form);
    const dispute = await openDispute(domainFrom(context), viewer.user, milestoneId, statement);
    return redirect(`/disputes/${dispute.id}`);
  } catch (error) {
    return formFailure(error, `No such milestone on contract ${params.id}.`);
  }
}

export default function ContractDisputes() {
  const { viewer, contractId, disputes, nextCursor, target } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <PortalShell title="Disputes" viewer={viewer}>
      <div className="max-w-3xl space-y-6">
        <div>
          <Link to={`/contracts/${contractId}`} className="text-sm underline">
            Back to the contract
          </Link>
          <h1 className="mt-2 text-2xl font-bold tracking-tight">Disputes</h1>
        </div>
        {target ? (
          <Card
            title={`Open a dispute: ${target.title}`}
            description={`The ${formatMoney(target.held, target.currency)} held for this milestone freezes. The other side has ${DISPUTE_RESPONSE_DAYS} days to answer; without an answer it is decided for you, otherwise an admin decides.`}
          >
            {target.openId ? (
              <p className="text-sm">
                This milestone already has an open dispute.{" "}
                <Link to={`/disputes/${target.openId}`} className="underline">
                  See it
                </Link>
              </p>
            ) : target.disputable ? (
              <>
                {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
                <StatementForm
                  intent="open"
                  label="What went wrong?"
                  submitLabel="Open the dispute"
                  hidden={{ milestoneId: target.id }}
                  error={null}
                />
              </>
            ) : (
              <p className="text-sm">Only a funded or submitted milestone of an active contract can be disputed.</p>
            )}
          </Card>
        ) : null}
        <Card title="All disputes on this contract">
          {disputes.length ? (
            <ul className="divide-subtle divide-y">
              {disputes.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                  <div>
                    <Link to={`/disputes/${d.id}`} className="font-medium underline">
                      {d.milestoneTitle}
                    </Link>
                    <p className="text-muted text-xs">
                      Opened by the {d.openerRole} · <LocalTime value={d.createdAt} />
                    </p>
                  </div>
                  <Badge tone={DISPUTE_STATUS[d.status]?.tone ?? "neutral"}>{DISPUTE_STATUS[d.status]?.label ?? d.status}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted text-sm">No disputes on this contract.</p>
          )}
          <CursorPager nextCursor={nextCursor} label="More disputes" />
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
