import type { Role } from "../../db/schema";
import type { AppLoadContext } from "@remix-run/cloudflare";
import { asBlockedResponse, blockedMayOpen, isBlockedResponse } from "./blocked.server";
import { clearSessionCookie, requestViewer, sessionCookie, sessionToken } from "./session.server";

export type RootViewer = {
  id: string;
  name: string;
  roles: Role[];
  emailVerified: boolean;
  unreadNotifications: number;
  photoUrl: string | null;
  /** The zone chosen in settings; null follows the browser. */
  timeZone: string | null;
};

/**
 * The minimal viewer every page may show, and a cookie refresh: its lifetime follows the session's
 * sliding expiry, and a dead session's cookie is dropped.
 */
export async function rootViewer(request: Request, context: AppLoadContext): Promise<{ viewer: RootViewer | null; setCookie?: string }> {
  const token = sessionToken(request);
  if (!token) return { viewer: null };
  const found = await requestViewer(request, context).catch((error: unknown) => {
    const response = asBlockedResponse(error);
    if (isBlockedResponse(response) && blockedMayOpen(request)) return null;
    throw response;
  });
  if (!found) return { viewer: null, setCookie: blockedMayOpen(request) ? undefined : clearSessionCookie(request) };
  const { viewer, unreadNotifications } = found;
  const remainingSeconds = (viewer.session.expiresAt.getTime() - Date.now()) / 1000;
  return {
    viewer: {
      id: viewer.user.id,
      name: viewer.user.name,
      roles: viewer.user.roles,
      emailVerified: Boolean(viewer.user.emailVerifiedAt),
      unreadNotifications,
      photoUrl: viewer.user.photoKey ? `/api/files/${viewer.user.photoKey}` : null,
      timeZone: viewer.user.timeZone,
    },
    setCookie: sessionCookie(request, token, remainingSeconds),
  };
}
