import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect, PageHeading } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { domainFrom, requireAdminActor } from "~/utils/admin.server";
import type { Role } from "../../db/schema/values";
import { searchUsers } from "../../worker/domain/trust/users-admin";

export const meta: MetaFunction = () => [{ title: "Users — MegiLance admin" }];

const ROLES = ["client", "freelancer", "admin"] as const satisfies readonly Role[];

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  state: z.enum(["blocked", "active"]).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await searchUsers(domainFrom(context), actor, {
    q: q.q || undefined,
    role: q.role,
    blocked: q.state ? q.state === "blocked" : undefined,
    cursor: q.cursor,
    limit: 25,
  });
  return { page, filters: { q: q.q ?? "", role: q.role ?? "", state: q.state ?? "" } };
}

export default function AdminUsers() {
  const { page, filters } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeading title="Users">Find an account by name, email or id; open it to block, unblock or review its risk.</PageHeading>
      <Form method="get" role="search" aria-label="Search users" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="users-q" className="block text-sm font-medium">
            Name, email or id
          </label>
          <input id="users-q" name="q" type="search" defaultValue={filters.q} className={`${inputClass} mt-1`} />
        </div>
        <FilterSelect id="users-role" label="Role" name="role" value={filters.role} options={ROLES} />
        <FilterSelect id="users-state" label="State" name="state" value={filters.state} options={["active", "blocked"]} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title="No users">Nobody matches this search.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Users</caption>
              <thead className="text-muted border-subtle border-b">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Roles
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Joined
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((u) => (
                  <tr key={u.id} className="border-subtle border-b last:border-0">
                    <td className="py-2 pr-3">
                      <Link to={`/admin/users/${u.id}`} className="font-medium text-brand-600 underline dark:text-brand-100">
                        {u.name}
                      </Link>{" "}
                      {u.blocked ? <Badge tone="danger">blocked</Badge> : null}
                    </td>
                    <td className="py-2 pr-3 break-all">{u.email}</td>
                    <td className="py-2 pr-3">{u.roles.join(", ")}</td>
                    <td className="py-2">
                      <LocalTime value={u.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CursorPager nextCursor={page.nextCursor} label="User pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
