import { redirect, type AppLoadContext } from "@remix-run/cloudflare";
import type { Role } from "../../db/schema";
import type { Viewer } from "../../worker/domain/auth/sessions";
import { portalPathFor, safeRedirect } from "./redirect";
import { getViewer } from "./session.server";

export type ViewerSummary = { name: string; email: string; roles: Role[]; emailVerified: boolean; photoUrl: string | null };

export function summarizeViewer(viewer: Viewer): ViewerSummary {
  const { user } = viewer;
  return {
    name: user.name,
    email: user.email,
    roles: user.roles,
    emailVerified: Boolean(user.emailVerifiedAt),
    photoUrl: user.photoKey ? `/api/files/${user.photoKey}` : null,
  };
}

/** The signed-in viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** Signed in and holding `role`; otherwise the 403 page. */
export async function requireRole(request: Request, context: AppLoadContext, role: Role): Promise<Viewer> {
  const viewer = await requireUser(request, context);
  if (!viewer.user.roles.includes(role)) {
    throw new Response(`This page is for ${role} accounts.`, { status: 403, statusText: "Forbidden" });
  }
  return viewer;
}

/** Pages for signed-out visitors (sign-in, sign-up) send a signed-in viewer on to where they were going. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  const viewer = await getViewer(request, context);
  if (!viewer) return;
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  throw redirect(safeRedirect(redirectTo, portalPathFor(viewer.user.roles)));
}
