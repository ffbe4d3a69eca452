import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getNotificationPreferences, updateNotificationPreferences } from "../../worker/domain/notifications/preferences";
import { NOTIFICATION_TYPES, NOTIFICATION_TYPE_NAMES } from "../../worker/domain/notifications/types";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";

export const meta: MetaFunction = () => [{ title: "Notification settings — MegiLance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const preferences = await getNotificationPreferences(domainFrom(context), viewer.user.id);
  const audience = new Set<string>(viewer.user.roles);
  return {
    rows: NOTIFICATION_TYPE_NAMES.filter(
      (type) => audience.has(NOTIFICATION_TYPES[type].audience) || NOTIFICATION_TYPES[type].audience === "any",
    ).map((type) => ({
      type,
      label: NOTIFICATION_TYPES[type].label,
      ...preferences[type],
    })),
  };
}

/** One form for the whole table: a box left unticked means "off" (browsers omit unchecked boxes). */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const audience = new Set<string>(viewer.user.roles);
  const changes = Object.fromEntries(
    NOTIFICATION_TYPE_NAMES.filter(
      (type) => audience.has(NOTIFICATION_TYPES[type].audience) || NOTIFICATION_TYPES[type].audience === "any",
    ).map((type) => [type, { email: form.get(`${type}.email`) === "on", inApp: form.get(`${type}.inApp`) === "on" }]),
  );
  try {
    await updateNotificationPreferences(domainFrom(context), viewer.user.id, changes);
    return { notice: "Your notification settings were saved.", error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ notice: null, error: error.message }, { status: error.status });
  }
}

export default function NotificationSettings() {
  const { rows } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Notification settings</h1>
        <p className="text-muted mt-1">Choose which news reaches you by email and which appears in the notification centre.</p>
      </div>
      {answer?.notice ? <Alert tone="success">{answer.notice}</Alert> : null}
      {answer?.error ? <Alert tone="danger">{answer.error}</Alert> : null}
      <Card>
        <Form method="post">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Notification channels per kind of news</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    News
                  </th>
                  <th scope="col" className="px-3 py-2 text-center font-semibold">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2 text-center font-semibold">
                    In the app
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-[var(--border)]">
                {rows.map((row) => (
                  <tr key={row.type}>
                    <th scope="row" className="py-2.5 pr-3 font-normal">
                      {row.label}
                    </th>
                    <td className="px-3 py-2.5 text-center">
                      <input
                        type="checkbox"
                        name={`${row.type}.email`}
                        defaultChecked={row.email}
                        aria-label={`${row.label}: email`}
                        className="h-4 w-4 accent-brand-600"
                      />
                    </td>
                    <td className="px-3 py-2.5 text-center">
                      <input
                        type="checkbox"
                        name={`${row.type}.inApp`}
                        defaultChecked={row.inApp}
                        aria-label={`${row.label}: in the app`}
                        className="h-4 w-4 accent-brand-600"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button type="submit" className="mt-4">
            Save settings
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
