import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SignalsList } from "~/components/admin/signals-list";
import { blockConfirmation, LevelBadge, ReasonForm, ReplyAlert, StatusBadge, words } from "~/components/admin/trust-ui";
import { RouteError } from "~/components/route-error";
import { ConfirmationPage, usePendingConfirmation, type FormValues } from "~/components/ui/confirm";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { LocalTime } from "~/components/ui/local-time";
import { adminFormAction, domainFrom, idParam, requireAdminActor } from "~/utils/admin.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { AppError } from "~/utils/domain.server";
import { blockUser, unblockUser } from "../../worker/domain/trust/blocks";
import { placePayoutHold, releasePayoutHold } from "../../worker/domain/wallet/holds";
import { adminUserDetail } from "../../worker/domain/trust/users-admin";
import { adminReason } from "../../worker/domain/shared/reasons";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "User"} — MegiLance admin` }];

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("block"), reason: adminReason }),
  z.object({ intent: z.literal("unblock"), reason: adminReason }),
  z.object({ intent: z.literal("hold"), reason: adminReason }),
  z.object({ intent: z.literal("release"), reason: adminReason }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  try {
    return await adminUserDetail(domainFrom(context), actor, idParam(params.id));
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const ctx = domainFrom(context);
  const id = idParam(params.id);
  const form = await request.formData();
  const unconfirmed = confirmationNeeded(form, ["block"]);
  if (unconfirmed) return unconfirmed;
  return adminFormAction(form, intentSchema, async (input) => {
    switch (input.intent) {
      case "block":
        await blockUser(ctx, actor, id, { reason: input.reason });
        return "The account is blocked and signed out everywhere.";
      case "unblock":
        await unblockUser(ctx, actor, id, { reason: input.reason });
        return "The block is lifted.";
      case "hold":
        await placePayoutHold(ctx, actor, id, input.reason);
        return "Payouts are on hold.";
      case "release":
        await releasePayoutHold(ctx, actor, id, input.reason);
        return "The payout hold is released.";
      default:
        return input satisfies never;
    }
  });
}

export default function AdminUserDetail() {
  const { user, risk, alerts, appeals, payoutHold, activeSessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const reply = answer && "ok" in answer ? answer : undefined;
  const pending = usePendingConfirmation();
  const confirmBlock = (values: FormValues) => blockConfirmation(user.name, values);
  if (pending) return <ConfirmationPage confirmation={confirmBlock(pending.values)} pending={pending} />;
  return (
    <div className="max-w-4xl space-y-6">
      <Link to="/admin/users" className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
        Back to users
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{user.name}</h1>
        {user.blocked ? <Badge tone="danger">blocked</Badge> : <Badge tone="success">active</Badge>}
        <LevelBadge level={risk.level} score={risk.score} />
      </div>
      <div aria-live="polite">
        <ReplyAlert reply={reply} />
      </div>
      {user.blocked ? (
        <Alert tone="warning" title="Blocked">
          {user.blockedReason}{" "}
          {user.blockedAt ? (
            <>
              (since <LocalTime value={user.blockedAt} />)
            </>
          ) : null}
        </Alert>
      ) : null}
      <Card title="Account">
        <dl className="grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
          <dt className="text-muted">Email</dt>
          <dd className="break-all">
            {user.email} {user.emailVerified ? "(verified)" : "(not verified)"}
          </dd>
          <dt className="text-muted">Roles</dt>
          <dd>{user.roles.join(", ")}</dd>
          <dt className="text-muted">Joined</dt>
          <dd>
            <LocalTime value={user.createdAt} />
          </dd>
          <dt className="text-muted">Active sessions</dt>
          <dd>{activeSessions}</dd>
          <dt className="text-muted">Payouts</dt>
          <dd>{payoutHold ? `On hold: ${payoutHold.reason}` : "Not held"}</dd>
        </dl>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={user.blocked ? "Lift the block" : "Block the account"}>
          {user.blocked ? (
            <ReasonForm intent="unblock" id="unblock-reason" label="Reason for lifting it" submit="Unblock" reply={reply} />
          ) : (
            <ReasonForm
              intent="block"
              id="block-reason"
              label="Reason shown to the account"
              submit="Block the account"
              variant="danger"
              reply={reply}
              confirm={confirmBlock}
            />
          )}
        </Card>
        <Card title="Payout hold">
          {payoutHold ? (
            <ReasonForm intent="release" id="release-reason" label="Reason for releasing it" submit="Release the hold" reply={reply} />
          ) : (
            <ReasonForm intent="hold" id="hold-reason" label="Reason for the hold" submit="Hold payouts" reply={reply} />
          )}
        </Card>
      </div>
      <Card title="Risk now">
        <SignalsList signals={risk.signals} />
      </Card>
      <Card title="Fraud alerts">
        {alerts.length === 0 ? (
          <p className="text-muted text-sm">None.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {alerts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2">
                <Link to={`/admin/fraud/${a.id}`} className="text-brand-600 underline dark:text-brand-100">
                  {words(a.kind)}
                </Link>
                <LevelBadge level={a.level} score={a.score} />
                <StatusBadge status={a.status} />
                <LocalTime value={a.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Appeals">
        {appeals.length === 0 ? (
          <p className="text-muted text-sm">None.</p>
        ) : (
          <ul className="space-y-3 text-sm">
            {appeals.map((a) => (
              <li key={a.id}>
                <StatusBadge status={a.status} /> <LocalTime value={a.createdAt} />
                <p className="mt-1 whitespace-pre-wrap">{a.message}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
