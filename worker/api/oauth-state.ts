import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SIGNUP_ROLES } from "../domain/auth/accounts";
import { signPayload, verifyPayload } from "../domain/auth/signed";
import type { DomainContext } from "../domain/context";
import type { OAuthProviderName } from "../platform/oauth";
import type { ApiEnv } from "./context";

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;
export const OAUTH_STATE_COOKIE = "megilance_oauth";
const COOKIE_PATH = "/api/auth/oauth";

export const OAUTH_MODES = ["web", "api"] as const;

/** What the start step hands to the callback through the browser, signed so it cannot be altered. */
export interface OAuthState {
  provider: OAuthProviderName;
  state: string;
  verifier: string;
  role: (typeof SIGNUP_ROLES)[number];
  mode: (typeof OAUTH_MODES)[number];
  redirectTo: string;
  exp: number;
}

export const isSecureRequest = (c: Context<ApiEnv>) => new URL(c.req.url).protocol === "https:";

export async function setOAuthStateCookie(c: Context<ApiEnv>, domain: DomainContext, state: Omit<OAuthState, "exp">): Promise<void> {
  const value = await signPayload(domain.config.secret, { ...state, exp: domain.clock.now().getTime() + OAUTH_STATE_TTL_MS });
  setCookie(c, OAUTH_STATE_COOKIE, value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecureRequest(c),
    path: COOKIE_PATH,
    maxAge: OAUTH_STATE_TTL_MS / 1000,
  });
}

/** Reads and clears the state cookie: each sign-in attempt gets one try. */
export async function takeOAuthStateCookie(c: Context<ApiEnv>, domain: DomainContext): Promise<OAuthState | null> {
  const value = getCookie(c, OAUTH_STATE_COOKIE);
  if (!value) return null;
  deleteCookie(c, OAUTH_STATE_COOKIE, { path: COOKIE_PATH, secure: isSecureRequest(c), httpOnly: true, sameSite: "Lax" });
  return verifyPayload<OAuthState>(domain.config.secret, value, domain.clock.now().getTime());
}

const PLACEHOLDER_ORIGIN = "http://redirect.invalid";

/** A path on this site, or "/" for anything that could leave it (absolute, protocol-relative, backslashes). */
export function safeRedirectPath(value: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
