import type { AppLoadContext } from "@remix-run/cloudflare";
import type { User } from "../../db/schema";
import { SESSION_TTL_MS, createSession, validateSessionToken, type Viewer } from "../../worker/domain/auth/sessions";
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

/** The signed-in user and session behind the cookie, or null (missing, expired, revoked); a blocked account gets the 403 notice. */
export async function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  const token = sessionToken(request);
  if (!token) return null;
  try {
    return await validateSessionToken(domainFrom(context), token);
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
