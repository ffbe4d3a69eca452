import type { Notification } from "../../../db/schema";
import type { DomainContext } from "../context";
import { toNotificationView } from "./center";
import { publishQuietly } from "../shared/publisher";

/** The notification centre of every open tab updates without a reload (called from notify()). */
export async function pushNotificationLive(ctx: DomainContext, notification: Notification): Promise<void> {
  if (!ctx.rooms) return;
  await publishQuietly(ctx, "notification", [
    ctx.rooms.toUser(notification.userId, { type: "notification", notification: toNotificationView(notification) }),
  ]);
}
