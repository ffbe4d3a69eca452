import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect, PageHeading, ReplyAlert, StatusBadge } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { adminFormAction, domainFrom, requireAdminActor } from "~/utils/admin.server";
import { APPEAL_STATUSES } from "../../db/schema/trust-values";
import { decideAppeal, listAppeals } from "../../worker/domain/trust/appeals";
import { APPEAL_DECISIONS } from "../../worker/domain/trust/values";

export const meta: MetaFunction = () => [{ title: "Appeals — MegiLance admin" }];

const querySchema = z.object({
  status: z.enum(APPEAL_STATUSES).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});
const decisionSchema = z.object({
  appealId: z.string().min(1).max(64),
  decision: z.enum(APPEAL_DECISIONS),
  note: z.string().trim().min(3, { error: "Add a note for the account owner (at least 3 characters)." }).max(2000),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const params = new URL(request.url).searchParams;
  const q = querySchema.parse(Object.fromEntries(params));
  // The queue: pending appeals unless another status is asked for.
  const status = params.has("status") ? q.status : "pending";
  return { page: await listAppeals(domainFrom(context), actor, { status, cursor: q.cursor, limit: 25 }), status: status ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  return adminFormAction(await request.formData(), decisionSchema, async ({ appealId, decision, note }) => {
    const appeal = await decideAppeal(domainFrom(context), actor, appealId, { decision, note });
    return decision === "accept" ? `${appeal.user?.name ?? "The account"} is unblocked.` : "The appeal is rejected; the block stays.";
  });
}

export default function Appeals() {
  const { page, status } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeading title="Appeals">
        Blocked accounts asking to be let back in. Accepting lifts the block; both answers reach the owner by email.
      </PageHeading>
      <Form method="get" aria-label="Filter appeals" className="flex flex-wrap items-end gap-3">
        <FilterSelect id="appeal-status" label="Status" name="status" value={status} options={APPEAL_STATUSES} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      <div aria-live="polite">
        <ReplyAlert reply={reply} />
      </div>
      {page.items.length === 0 ? (
        <Card>
          <EmptyState title="No appeals">Nothing is waiting here.</EmptyState>
        </Card>
      ) : (
        <ul className="space-y-4">
          {page.items.map((a) => (
            <li key={a.id}>
              <Card>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-lg font-semibold">
                    <Link to={`/admin/users/${a.userId}`} className="text-brand-600 underline dark:text-brand-100">
                      {a.user?.name ?? a.userId}
                    </Link>
                  </h2>
                  <StatusBadge status={a.status} />
                  <span className="text-muted text-sm">
                    <LocalTime value={a.createdAt} />
                  </span>
                </div>
                <p className="text-muted mt-1 text-sm">Blocked for: {a.blockReason ?? "—"}</p>
                <p className="mt-3 whitespace-pre-wrap text-sm">{a.message}</p>
                {a.status === "pending" ? (
                  <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
                    <input type="hidden" name="appealId" value={a.id} />
                    <div>
                      <label htmlFor={`note-${a.id}`} className="block text-sm font-medium">
                        Note to the owner
                      </label>
                      <input id={`note-${a.id}`} name="note" required minLength={3} maxLength={2000} className={`${inputClass} mt-1`} />
                    </div>
                    <Button type="submit" name="decision" value="accept" size="sm">
                      Accept and unblock
                    </Button>
                    <Button type="submit" name="decision" value="reject" variant="secondary" size="sm">
                      Reject
                    </Button>
                  </Form>
                ) : a.decisionNote ? (
                  <p className="text-muted mt-3 text-sm">Decision note: {a.decisionNote}</p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CursorPager nextCursor={page.nextCursor} label="Appeal pages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
