import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PreferredCurrencyCard } from "~/components/settings/preferred-currency";
import { TimeZoneCard } from "~/components/settings/time-zone-card";
import { addRole } from "~/utils/accounts.server";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "Account settings — MegiLance" }];

export const addRoleSchema = z.object({ role: z.enum(["client", "freelancer"], { error: "Choose client or freelancer." }) });

const ROLE_COPY = {
  client: {
    label: "Client",
    add: "Also hire freelancers",
    body: "Post projects, compare proposals and pay with funds held until you approve the work.",
  },
  freelancer: { label: "Freelancer", add: "Also work as a freelancer", body: "Find projects, send proposals and get paid." },
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const search = new URL(request.url).searchParams;
  const currencySaved = search.get("currency") === "saved";
  return {
    name: user.name,
    email: user.email,
    roles: user.roles,
    emailVerified: Boolean(user.emailVerifiedAt),
    preferredCurrency: user.preferredCurrency,
    currencySaved,
    timeZone: user.timeZone,
    timeZoneAnswer: search.get("timeZone"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: addRoleSchema });
  if (submission.status !== "success") return data({ added: null, result: submission.reply() }, { status: 400 });
  await addRole(domainFrom(context), viewer, submission.value.role);
  return { added: submission.value.role, result: submission.reply() };
}

export default function AccountSettings() {
  const { name, email, roles, emailVerified, preferredCurrency, currencySaved, timeZone, timeZoneAnswer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const missing = (["client", "freelancer"] as const).filter((role) => !roles.includes(role));
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Account settings</h1>
      {actionData?.added ? (
        <Alert tone="success" title="Role added">
          Your account can now use the {ROLE_COPY[actionData.added].label.toLowerCase()} portal.{" "}
          <Link to={`/${actionData.added}`} className="font-medium underline">
            Open it
          </Link>
          .
        </Alert>
      ) : null}
      <Card title="Profile">
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted">Name</dt>
          <dd>{name}</dd>
          <dt className="text-muted">Email</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {email} {emailVerified ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Not confirmed</Badge>}
          </dd>
          <dt className="text-muted">Roles</dt>
          <dd className="flex flex-wrap gap-2">
            {roles.map((role) => (
              <Badge key={role} tone="brand">
                {role}
              </Badge>
            ))}
          </dd>
        </dl>
      </Card>
      <PreferredCurrencyCard current={preferredCurrency} saved={currencySaved} />
      <div id="time-zone">
        <TimeZoneCard
          chosen={timeZone}
          saved={timeZoneAnswer === "saved"}
          error={timeZoneAnswer === "invalid" ? "Choose a time zone from the list." : undefined}
        />
      </div>
      {missing.length ? (
        <Card title="Use MegiLance both ways" description="One account can hire and work; each role has its own portal.">
          <div className="grid gap-4 sm:grid-cols-2">
            {missing.map((role) => (
              <Form method="post" key={role} className="border-subtle rounded-control border p-4">
                <p className="font-medium">{ROLE_COPY[role].add}</p>
                <p className="text-muted mt-1 text-sm">{ROLE_COPY[role].body}</p>
                <input type="hidden" name="role" value={role} />
                <Button type="submit" variant="secondary" className="mt-3">
                  Add the {ROLE_COPY[role].label.toLowerCase()} role
                </Button>
              </Form>
            ))}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
