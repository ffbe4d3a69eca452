import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeading } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { domainFrom, requireAdminActor } from "~/utils/admin.server";
import { listAuditEvents } from "../../worker/domain/trust/audit-log";

export const meta: MetaFunction = () => [{ title: "Audit log — MegiLance admin" }];

const querySchema = z.object({
  type: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(64).optional().catch(undefined),
  subject: z.string().trim().max(64).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listAuditEvents(domainFrom(context), actor, {
    type: q.type || undefined,
    actorId: q.actor || undefined,
    subjectId: q.subject || undefined,
    cursor: q.cursor,
    limit: 50,
  });
  return { page, filters: { type: q.type ?? "", actor: q.actor ?? "", subject: q.subject ?? "" } };
}

export default function AuditLog() {
  const { page, filters } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeading title="Audit log">Who did what, newest first. Every admin action is here.</PageHeading>
      <Form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="audit-type" className="block text-sm font-medium">
            Type (end with a dot for a family)
          </label>
          <input id="audit-type" name="type" defaultValue={filters.type} placeholder="admin." className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-medium">
            Actor id
          </label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="audit-subject" className="block text-sm font-medium">
            Subject id
          </label>
          <input id="audit-subject" name="subject" defaultValue={filters.subject} className={`${inputClass} mt-1`} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </Form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title="No events">Nothing matches these filters.</EmptyState>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit events">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <caption className="sr-only">Audit events</caption>
              <thead className="text-muted border-subtle border-b">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Event
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Actor
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Subject
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Details
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id} className="border-subtle border-b align-top last:border-0">
                    <td className="py-2 pr-3 whitespace-nowrap">
                      <LocalTime value={e.createdAt} />
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{e.type}</td>
                    <td className="py-2 pr-3">{e.actor ? `${e.actor.name}` : (e.actorId ?? "system")}</td>
                    <td className="py-2 pr-3 break-all">{e.subjectType ? `${e.subjectType} ${e.subjectId ?? ""}` : "—"}</td>
                    <td className="max-w-xs py-2 break-words font-mono text-xs">{e.data ? JSON.stringify(e.data).slice(0, 300) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CursorPager nextCursor={page.nextCursor} label="Audit log pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
