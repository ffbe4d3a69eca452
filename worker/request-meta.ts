import type { RequestMeta } from "./domain/auth/sessions";

/** Where a request came from, as Cloudflare reports it (locally: loopback, no country). */
export function requestMeta(request: Request): RequestMeta {
  const cf = (request as Request & { cf?: { country?: string } }).cf;
  const country = cf?.country && cf.country !== "T1" && cf.country !== "XX" ? cf.country : null;
  return {
    ip: request.headers.get("CF-Connecting-IP") ?? request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() ?? "127.0.0.1",
    userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    country,
  };
}

/** Same-origin check for state-changing requests that ride on a cookie. */
export function isSameOrigin(request: Request, appOrigin: string): boolean {
  const origin = request.headers.get("Origin");
  if (!origin) return false;
  return origin === new URL(request.url).origin || origin === appOrigin;
}
