import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../worker/domain/notifications/center";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { CursorPager } from "~/components/marketplace/pager";
import { useRevalidateOnNotification } from "~/components/notifications/live-bell";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { cx } from "~/components/ui/cx";
import { requireUser } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { safeRedirect } from "~/utils/redirect";

const PAGE_SIZE = 20;

const notificationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: z.string().min(1).max(64), link: z.string().max(2048).optional() }),
  z.object({ intent: z.literal("read"), id: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const cursor = new URL(request.url).searchParams.get("cursor")?.slice(0, 200) || undefined;
  return orErrorPage(listNotifications(domainFrom(context), viewer.user.id, { limit: PAGE_SIZE, cursor }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: notificationSchema });
  if (submission.status !== "success") return data({ notice: "That request was not valid." }, { status: 400 });
  const ctx = domainFrom(context);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "open":
        await markNotificationRead(ctx, viewer.user.id, value.id);
        return redirect(safeRedirect(value.link, "/notifications"));
      case "read":
        await markNotificationRead(ctx, viewer.user.id, value.id);
        return { notice: "Marked as read." };
      case "read-all": {
        const { updated } = await markAllNotificationsRead(ctx, viewer.user.id);
        return { notice: updated === 1 ? "1 notification marked as read." : `${updated} notifications marked as read.` };
      }
      default:
        return value satisfies never;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ notice: error.message }, { status: error.status });
  }
}

export default function NotificationCentre() {
  const { items, nextCursor, unreadCount } = useLoaderData<typeof loader>();
  useRevalidateOnNotification();
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
          <p className="text-muted mt-1">{unreadCount === 0 ? "You are all caught up." : `${unreadCount} unread`}</p>
        </div>
        <div className="flex gap-2">
          <Link to="/settings/notifications" className="text-sm font-medium underline">
            Settings
          </Link>
          {unreadCount > 0 ? (
            <Form method="post">
              <Button name="intent" value="read-all" variant="secondary" size="sm">
                Mark all as read
              </Button>
            </Form>
          ) : null}
        </div>
      </div>
      <Card>
        {items.length === 0 ? (
          <EmptyState title="No notifications yet">News about your projects, proposals and contracts will appear here.</EmptyState>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  {/* Read news is set in a lighter weight, never faded: faded buttons and text fail contrast. */}
                  <p className={cx("break-words", n.read ? "font-medium" : "font-semibold")}>
                    {n.read ? null : (
                      <Badge tone="brand" className="mr-2">
                        New
                      </Badge>
                    )}
                    {n.title}
                  </p>
                  <p className="mt-0.5 text-sm">{n.body}</p>
                  <p className="text-muted mt-0.5 text-xs">
                    <LocalTime value={n.createdAt} />
                  </p>
                </div>
                <div className="flex shrink-0 gap-2">
                  {n.link ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="link" value={n.link} />
                      <Button name="intent" value="open" size="sm" aria-label={`Open: ${n.title}`}>
                        Open
                      </Button>
                    </Form>
                  ) : null}
                  {n.read ? null : (
                    <Form method="post">
                      <input type="hidden" name="id" value={n.id} />
                      <Button name="intent" value="read" variant="secondary" size="sm" aria-label={`Mark as read: ${n.title}`}>
                        Mark read
                      </Button>
                    </Form>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="Notification pages" />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
