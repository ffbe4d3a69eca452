import type { AppLoadContext } from "@remix-run/cloudflare";
import type { User } from "../../db/schema";
import { SESSION_TTL_MS, createSession, type Viewer } from "../../worker/domain/auth/sessions";
import { hashToken } from "../../worker/domain/auth/tokens";
import { greetingFrom, greetingQuery, type Greeting } from "../../worker/domain/auth/greeting";
import { loadViewerWith } from "../../worker/domain/auth/viewer-reads";
import type { DomainContext } from "../../worker/domain/context";
import { unreadNotificationsQuery } from "../../worker/domain/notifications/center";
import { recordSignIn } from "../../worker/domain/auth/sign-in";
import { PENDING_SIGN_IN_TTL_MS } from "../../worker/domain/auth/web-sign-in";
import { sessionCookieName } from "../../worker/session-cookie";
import { asBlockedResponse } from "./blocked.server";
import { domainFrom, requestMeta } from "./domain.server";

const SESSION_MAX_AGE_S = SESSION_TTL_MS / 1000;
const PENDING_MAX_AGE_S = PENDING_SIGN_IN_TTL_MS / 1000;

function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function pendingCookieName(secure: boolean): string {
  return secure ? "__Host-megilance_2fa" : "megilance_2fa";
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : null;
    }
  }
  return null;
}

/** HttpOnly, SameSite=Lax, Path=/, Secure on https (the __Host- name needs it). */
function serializeCookie(request: Request, name: string, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (isSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

export function sessionToken(request: Request): string | null {
  return readCookie(request, sessionCookieName(isSecure(request)));
}

export function sessionCookie(request: Request, token: string, maxAgeSeconds = SESSION_MAX_AGE_S): string {
  return serializeCookie(request, sessionCookieName(isSecure(request)), token, maxAgeSeconds);
}

export function clearSessionCookie(request: Request): string {
  return serializeCookie(request, sessionCookieName(isSecure(request)), "", 0);
}

export interface RequestViewer {
  viewer: Viewer;
  /** For the account menu's badge, counted up to UNREAD_NOTIFICATIONS_CAP. */
  unreadNotifications: number;
  /** How the dashboards greet the viewer (auth/greeting.ts). */
  greeting: Greeting;
}

/** One lookup per page request, shared by the root, layout and page loaders (they run in parallel). */
const perRequest = new WeakMap<AppLoadContext, { token: string; viewer: Promise<RequestViewer | null> }>();

/**
 * The session behind the cookie and the account menu's counts, read in one database round trip. A GET (loaders
 * only) reads it once for all its loaders; a POST reads it afresh, since its action may have just changed it.
 */
export function requestViewer(request: Request, context: AppLoadContext): Promise<RequestViewer | null> {
  const token = sessionToken(request);
  if (!token) return Promise.resolve(null);
  const shared = request.method === "GET" || request.method === "HEAD";
  const known = shared ? perRequest.get(context) : undefined;
  if (known && known.token === token) return known.viewer;
  const viewer = loadRequestViewer(domainFrom(context), token);
  // Settled either way for later callers; each caller sees the outcome (a blocked account's error included).
  viewer.catch(() => {});
  if (shared) perRequest.set(context, { token, viewer });
  return viewer;
}

async function loadRequestViewer(ctx: DomainContext, token: string): Promise<RequestViewer | null> {
  const key = { tokenHash: hashToken(token) };
  const { viewer, results } = await loadViewerWith(ctx, key, (userId) => [
    unreadNotificationsQuery(ctx, userId),
    greetingQuery(ctx, key, userId),
  ]);
  return viewer ? { viewer, unreadNotifications: Number(results[0][0]?.n ?? 0), greeting: greetingFrom(results[1]) } : null;
}

/** The greeting for the signed-in viewer of this request, read with the session (no round trip of its own). */
export async function requestGreeting(request: Request, context: AppLoadContext): Promise<Greeting> {
  return (await requestViewer(request, context))?.greeting ?? "Welcome";
}

/** The signed-in user and session behind the cookie, or null (missing, expired, revoked); a blocked account gets the 403 notice. */
export async function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  try {
    return (await requestViewer(request, context))?.viewer ?? null;
  } catch (error) {
    throw asBlockedResponse(error);
  }
}

/** Creates a web session after every factor passed, records the sign-in, and returns its cookie. */
export async function startWebSession(
  request: Request,
  context: AppLoadContext,
  user: User,
  options: { mfaVerified: boolean; method: string },
): Promise<string> {
  const ctx = domainFrom(context);
  const meta = requestMeta(request);
  const { token } = await createSession(ctx, { userId: user.id, kind: "web", mfaVerified: options.mfaVerified, meta });
  await recordSignIn(ctx, user, meta, options.method);
  return sessionCookie(request, token);
}

export function pendingSignInTicket(request: Request): string | null {
  return readCookie(request, pendingCookieName(isSecure(request)));
}

export function pendingSignInCookie(request: Request, ticket: string): string {
  return serializeCookie(request, pendingCookieName(isSecure(request)), ticket, PENDING_MAX_AGE_S);
}

export function clearPendingSignInCookie(request: Request): string {
  return serializeCookie(request, pendingCookieName(isSecure(request)), "", 0);
}
