export const SESSION_COOKIE = "__Host-megilance_session";
/** Over plain http (local dev) browsers refuse the __Host- prefix, so the name drops it there. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE : "megilance_session";
}
