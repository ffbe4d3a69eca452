import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { listOutbox } from "~/utils/accounts.server";
import { requireRole } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "Mail outbox — MegiLance admin" }];

export const PAGE_SIZE = 25;

export const outboxQuerySchema = z.object({
  to: z.string().trim().max(254).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const query = outboxQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listOutbox(domainFrom(context), viewer, {
    limit: PAGE_SIZE,
    cursor: query.cursor || undefined,
    to: query.to || undefined,
  });
  return {
    to: query.to ?? "",
    isFirstPage: !query.cursor,
    nextCursor: page.nextCursor,
    items: page.items.map((mail) => ({ ...mail, createdAt: mail.createdAt.toISOString() })),
  };
}

export default function MailOutbox() {
  const { to, isFirstPage, nextCursor, items } = useLoaderData<typeof loader>();
  const withTo = (extra: Record<string, string>) => {
    const params = new URLSearchParams(to ? { to, ...extra } : extra);
    const query = params.toString();
    return query ? `/admin/mail?${query}` : "/admin/mail";
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Mail outbox</h1>
        <p className="text-muted mt-1">Mail the local provider delivered, newest first. In production a real provider sends it instead.</p>
      </div>
      <Form method="get" role="search" aria-label="Filter mail" className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="outbox-to" className="block text-sm font-medium">
            Recipient
          </label>
          <input id="outbox-to" name="to" type="email" defaultValue={to} placeholder="name@example.com" className={`${inputClass} mt-1`} />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {to ? (
          <Link to="/admin/mail" className={buttonClass("ghost")}>
            Show all
          </Link>
        ) : null}
      </Form>
      <Card>
        {items.length === 0 ? (
          <EmptyState title="No mail">{to ? `Nothing was sent to ${to}.` : "Nothing was sent yet."}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Sent mail</caption>
              <thead className="text-muted border-subtle border-b">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Subject
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    To
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Template
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Sent
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((mail) => (
                  <tr key={mail.id} className="border-subtle border-b last:border-0">
                    <td className="py-2 pr-3">
                      <Link to={`/admin/mail/${mail.id}`} className="font-medium text-brand-600 underline dark:text-brand-100">
                        {mail.subject}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{mail.toAddress}</td>
                    <td className="py-2 pr-3">
                      <Badge>{mail.template}</Badge>
                    </td>
                    <td className="py-2">
                      <LocalTime value={mail.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Outbox pages" className="mt-4 flex justify-between gap-3 text-sm">
          {isFirstPage ? (
            <span />
          ) : (
            <Link to={withTo({})} className={buttonClass("secondary", "sm")}>
              Newest
            </Link>
          )}
          {nextCursor ? (
            <Link to={withTo({ cursor: nextCursor })} className={buttonClass("secondary", "sm")}>
              Older mail
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
