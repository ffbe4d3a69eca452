import { eq } from "drizzle-orm";
import { notifications, users, type Notification } from "../../../db/schema";
import type { DomainContext } from "../context";
import { notificationEmail } from "./emails";
import { preferenceFor, unsubscribeUrl } from "./preferences";
import type { NotificationPayload } from "./types";
import type { EmailAttachment } from "../../platform/email/message";
import { pushNotificationLive } from "./live";

export interface NotifyResult {
  notification: Notification | null;
  emailed: boolean;
}

export interface NotifyExtras {
  /** Files the email carries (a calendar invitation). */
  attachments?: EmailAttachment[];
  /** false: email only, for news the user made themselves (their own copy of an invitation). */
  inApp?: boolean;
}

/**
 * The one way to tell a user something: an in-app notification and an email through the queue, each only
 * when the user's preference for `type` allows it. A failing email never fails the caller's action.
 */
export async function notify(
  ctx: DomainContext,
  userId: string,
  type: string,
  payload: NotificationPayload,
  extras: NotifyExtras = {},
): Promise<NotifyResult> {
  const [user] = await ctx.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return { notification: null, emailed: false };
  const preference = await preferenceFor(ctx, userId, type);
  let notification: Notification | null = null;
  if (preference.inApp && extras.inApp !== false) {
    [notification] = await ctx.db
      .insert(notifications)
      .values({
        id: ctx.newId(),
        userId,
        type,
        title: payload.title.slice(0, 200),
        body: payload.body.slice(0, 2000),
        link: payload.link ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await pushNotificationLive(ctx, notification);
  }
  let emailed = false;
  if (preference.email) {
    try {
      const unsubscribeHref = await unsubscribeUrl(ctx, userId, type);
      await ctx.sendEmail(
        notificationEmail({
          to: user.email,
          name: user.name,
          type,
          payload,
          appOrigin: ctx.config.appOrigin,
          unsubscribeHref,
          attachments: extras.attachments,
        }),
      );
      emailed = true;
    } catch (error) {
      ctx.log("notification email failed", { userId, type, error: String(error) });
    }
  }
  return { notification, emailed };
}

/** notify() for several users with the same message (e.g. everyone who applied to a closed project). */
export async function notifyAll(ctx: DomainContext, userIds: string[], type: string, payload: NotificationPayload): Promise<void> {
  for (const userId of new Set(userIds)) await notify(ctx, userId, type, payload);
}
