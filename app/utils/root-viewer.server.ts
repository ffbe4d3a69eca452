import type { Role } from "../../db/schema";
import type { AppLoadContext } from "@remix-run/cloudflare";
import { unreadNotificationCount } from "../../worker/domain/notifications/center";
import { blockedMayOpen, isBlockedResponse } from "./blocked.server";
import { domainFrom } from "./domain.server";
import { clearSessionCookie, getViewer, sessionCookie, sessionToken } from "./session.server";

export type RootViewer = { id: string; name: string; roles: Role[]; emailVerified: boolean; unreadNotifications: number };

/**
 * The minimal viewer every page may show, and a cookie refresh: its lifetime follows the session's
 * sliding expiry, and a dead session's cookie is dropped.
 */
export async function rootViewer(request: Request, context: AppLoadContext): Promise<{ viewer: RootViewer | null; setCookie?: string }> {
  const token = sessionToken(request);
  if (!token) return { viewer: null };
  const viewer = await getViewer(request, context).catch((error: unknown) => {
    if (isBlockedResponse(error) && blockedMayOpen(request)) return null;
    throw error;
  });
  if (!viewer) return { viewer: null, setCookie: blockedMayOpen(request) ? undefined : clearSessionCookie(request) };
  const remainingSeconds = (viewer.session.expiresAt.getTime() - Date.now()) / 1000;
  return {
    viewer: {
      id: viewer.user.id,
      name: viewer.user.name,
      roles: viewer.user.roles,
      emailVerified: Boolean(viewer.user.emailVerifiedAt),
      unreadNotifications: await unreadNotificationCount(domainFrom(context), viewer.user.id),
    },
    setCookie: sessionCookie(request, token, remainingSeconds),
  };
}
