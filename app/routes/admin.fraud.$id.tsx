import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SignalsList } from "~/components/admin/signals-list";
import { blockConfirmation, LevelBadge, ReasonForm, ReplyAlert, StatusBadge, words } from "~/components/admin/trust-ui";
import { RouteError } from "~/components/route-error";
import { ConfirmationPage, usePendingConfirmation, type FormValues } from "~/components/ui/confirm";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { adminFormAction, domainFrom, idParam, requireAdminActor } from "~/utils/admin.server";
import { confirmationNeeded } from "~/utils/confirm.server";
import { AppError } from "~/utils/domain.server";
import { decideAlert, getAlert } from "../../worker/domain/trust/alerts";
import { ALERT_DECISIONS } from "../../worker/domain/trust/values";
import { blockUser } from "../../worker/domain/trust/blocks";
import { adminReason } from "../../worker/domain/shared/reasons";

export const meta: MetaFunction = () => [{ title: "Fraud alert — MegiLance admin" }];

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("decide"), status: z.enum(ALERT_DECISIONS), note: z.string().trim().max(2000).optional() }),
  z.object({ intent: z.literal("block"), reason: adminReason }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  try {
    return { alert: await getAlert(domainFrom(context), actor, idParam(params.id)) };
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
      case "decide":
        await decideAlert(ctx, actor, id, { status: input.status, note: input.note || null });
        return `The alert is now ${words(input.status)}.`;
      case "block": {
        const alert = await getAlert(ctx, actor, id);
        if (!alert.userId) throw new AppError(409, "no_account", "This alert is not about an account.");
        const user = await blockUser(ctx, actor, alert.userId, { reason: input.reason, alertId: id });
        return `${user.name} is blocked and signed out everywhere; the alert is resolved.`;
      }
      default:
        return input satisfies never;
    }
  });
}

export default function FraudAlertDetail() {
  const { alert } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const reply = answer && "ok" in answer ? answer : undefined;
  const pending = usePendingConfirmation();
  const confirmBlock = (values: FormValues) => blockConfirmation(alert.user?.name ?? "this account", values);
  const open = alert.status === "open" || alert.status === "investigating";
  if (pending) return <ConfirmationPage confirmation={confirmBlock(pending.values)} pending={pending} />;
  return (
    <div className="max-w-4xl space-y-6">
      <Link to="/admin/fraud" className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
        Back to fraud alerts
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          {words(alert.kind)}: {alert.user?.name ?? alert.subjectId}
        </h1>
        <LevelBadge level={alert.level} score={alert.score} />
        <StatusBadge status={alert.status} />
      </div>
      <div aria-live="polite">
        <ReplyAlert reply={reply} />
      </div>
      <Card title="About">
        <dl className="grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
          <dt className="text-muted">Subject</dt>
          <dd>
            {alert.subjectType} {alert.subjectId}
          </dd>
          <dt className="text-muted">Account</dt>
          <dd>
            {alert.userId ? (
              <Link to={`/admin/users/${alert.userId}`} className="text-brand-600 underline dark:text-brand-100">
                {alert.user?.name} ({alert.user?.email})
              </Link>
            ) : (
              "—"
            )}
            {alert.user?.blocked ? " · blocked" : ""}
          </dd>
          <dt className="text-muted">Raised</dt>
          <dd>
            <LocalTime value={alert.createdAt} />
          </dd>
          {alert.note ? (
            <>
              <dt className="text-muted">Note</dt>
              <dd>{alert.note}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title="Signals and evidence">
        <SignalsList signals={alert.signals} />
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        {alert.userId && !alert.user?.blocked ? (
          <Card
            title="Block this account"
            description="The account is signed out everywhere, cannot sign in, and is told the reason and how to appeal."
          >
            <ReasonForm
              intent="block"
              id="block-reason"
              label="Reason shown to the account"
              submit="Block the account"
              variant="danger"
              reply={reply}
              confirm={confirmBlock}
            />
          </Card>
        ) : null}
        <Card title="Decide" description="Resolved: acted on. False positive: nothing wrong. Investigating: someone is on it.">
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="decide" />
            <div>
              <label htmlFor="decide-status" className="block text-sm font-medium">
                New status
              </label>
              <select id="decide-status" name="status" defaultValue={open ? "resolved" : "investigating"} className={`${inputClass} mt-1`}>
                {ALERT_DECISIONS.map((s) => (
                  <option key={s} value={s}>
                    {words(s)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="decide-note" className="block text-sm font-medium">
                Note (optional)
              </label>
              <textarea id="decide-note" name="note" rows={3} maxLength={2000} className={`${inputClass} mt-1`} />
            </div>
            <Button type="submit" variant="secondary" size="sm">
              Save the decision
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
