import { redirect, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SUPPORT_STATUSES, type SupportStatus } from "../../db/schema/values";
import { listTickets } from "../../worker/domain/support/tickets";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { STATUS_LABEL, TicketStatus } from "~/components/support/ticket-thread";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status") ?? "open";
  const status = (SUPPORT_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as SupportStatus) : undefined;
  const assignee = params.get("assignee") === "me" ? "me" : undefined;
  try {
    return await listTickets(domainFrom(context), viewer.user, {
      scope: "all",
      status,
      assignee,
      cursor: params.get("cursor")?.slice(0, 500) || undefined,
      limit: 25,
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 400) throw redirect("/admin/support");
    throw error;
  }
}

export default function SupportQueue() {
  const { items, nextCursor } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Support tickets</h1>
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter tickets">
        <div>
          <label htmlFor="queue-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="queue-status" name="status" defaultValue={params.get("status") ?? "open"} className={cx(inputClass, "mt-1")}>
            {SUPPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
            <option value="any">Any status</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="assignee" value="me" defaultChecked={params.get("assignee") === "me"} /> Assigned to me
        </label>
        <Button variant="secondary">Show</Button>
      </Form>
      <Card>
        {items.length === 0 ? (
          <EmptyState title="Nothing here">No tickets match these filters.</EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="Tickets">
            {items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link to={`/admin/support/${t.id}`} className="font-semibold underline">
                    {t.subject}
                  </Link>
                  <p className="text-muted text-xs">
                    {t.requester.name} · {t.category} · {t.assignee ? `assigned to ${t.assignee.name}` : "unassigned"} · updated{" "}
                    <LocalTime value={t.updatedAt} />
                  </p>
                </div>
                <TicketStatus status={t.status} />
              </li>
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="More tickets" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
