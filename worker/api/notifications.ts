import { z } from "@hono/zod-openapi";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_PAGE_MAX,
  unreadNotificationCount,
} from "../domain/notifications/center";
import { getNotificationPreferences, unsubscribeFromEmail, updateNotificationPreferences } from "../domain/notifications/preferences";
import { NOTIFICATION_TYPES, isKnownNotificationType } from "../domain/notifications/types";
import { AppError } from "../domain/errors";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { notificationPreferencesSchema, notificationTypesSchema, notificationViewSchema } from "../domain/notifications/view-schema";
import { pageSchema } from "../domain/shared/views";

const tags = ["notifications"];
const channel = z.object({ email: z.boolean().optional(), inApp: z.boolean().optional() });

function page(title: string, message: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} · MegiLance</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Go to MegiLance</a></p></body></html>`;
}

export const notificationRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Your notifications, newest first, with the unread count",
      query: z.object({
        limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).default(20),
        cursor: z.string().max(100).optional(),
        unread: z.enum(["true", "false"]).optional(),
      }),
      ok: {
        status: 200,
        description: "{items, nextCursor, unreadCount}",
        schema: pageSchema(notificationViewSchema).extend({ unreadCount: z.number().int() }),
      },
    }),
    async (c) => {
      const { limit, cursor, unread } = c.req.valid("query");
      return c.json(
        await listNotifications(c.get("domain"), requireViewer(c).user.id, { limit, cursor, unreadOnly: unread === "true" }),
        200,
      );
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/unread-count",
      tags,
      auth: true,
      summary: "How many are unread",
      ok: { status: 200, description: "{unreadCount}", schema: z.object({ unreadCount: z.number().int() }) },
    }),
    async (c) => c.json({ unreadCount: await unreadNotificationCount(c.get("domain"), requireViewer(c).user.id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/read-all",
      tags,
      auth: true,
      summary: "Mark all as read",
      ok: {
        status: 200,
        description: "{updated, unreadCount}",
        schema: z.object({ updated: z.number().int(), unreadCount: z.literal(0) }),
      },
    }),
    async (c) => {
      const { updated } = await markAllNotificationsRead(c.get("domain"), requireViewer(c).user.id);
      return c.json({ updated, unreadCount: 0 }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/read",
      tags,
      auth: true,
      summary: "Mark one as read",
      params: z.object({ id: z.string().min(1).max(64) }),
      ok: { status: 200, description: "{notification}", schema: z.object({ notification: notificationViewSchema }) },
      errors: [404],
    }),
    async (c) => {
      const notification = await markNotificationRead(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id);
      return c.json({ notification }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/preferences",
      tags,
      auth: true,
      summary: "Email and in-app choices per notification type",
      ok: {
        status: 200,
        description: "{preferences, types}",
        schema: z.object({ preferences: notificationPreferencesSchema, types: notificationTypesSchema }),
      },
    }),
    async (c) => {
      const preferences = await getNotificationPreferences(c.get("domain"), requireViewer(c).user.id);
      return c.json({ preferences, types: NOTIFICATION_TYPES }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "put",
      path: "/preferences",
      tags,
      auth: true,
      summary: "Change choices for some types; the rest stay as they are",
      body: z.object({ preferences: z.record(z.string().max(64), channel) }),
      ok: { status: 200, description: "{preferences}", schema: z.object({ preferences: notificationPreferencesSchema }) },
      errors: [422],
    }),
    async (c) => {
      const preferences = await updateNotificationPreferences(c.get("domain"), requireViewer(c).user.id, c.req.valid("json").preferences);
      return c.json({ preferences }, 200);
    },
  );

// One-click link from an email: no sign-in, answers a small HTML page rather than JSON.
notificationRoutes.get("/unsubscribe", async (c) => {
  const headers = { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "Cache-Control": "no-store" };
  try {
    const { type } = await unsubscribeFromEmail(c.get("domain"), c.req.query("token") ?? "");
    const label = isKnownNotificationType(type) ? NOTIFICATION_TYPES[type].label.toLowerCase() : type;
    return c.html(
      page(
        "You are unsubscribed",
        `We will stop emailing you about: ${label}. You can turn these emails back on in your notification settings.`,
      ),
      200,
      headers,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return c.html(
      page(
        "This link does not work",
        "The unsubscribe link is not valid. Change your email choices in your notification settings instead.",
      ),
      400,
      headers,
    );
  }
});

notificationRoutes.openAPIRegistry.registerPath({
  method: "get",
  path: "/unsubscribe",
  tags,
  summary: "One-click unsubscribe from an email's link: turns off that kind of email, no sign-in; answers a small HTML page",
  security: [],
  request: { query: z.object({ token: z.string().openapi({ description: "The signed token from the email's link" }) }) },
  responses: {
    200: { description: "Unsubscribed", content: { "text/html": { schema: z.string() } } },
    400: { description: "The link is not valid", content: { "text/html": { schema: z.string() } } },
  },
});
