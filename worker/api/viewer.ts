import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Role } from "../../db/schema";
import { viewerFromAccessToken } from "../domain/auth/api-tokens";
import { validateSessionToken, type Viewer } from "../domain/auth/sessions";
import { AppError } from "../domain/errors";
import { isSameOrigin } from "../request-meta";
import { sessionCookieName } from "../session-cookie";
import type { ApiEnv } from "./context";

/** Resolves the caller from a bearer token or, for the web app's own scripts, the session cookie. */
export const resolveViewer: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const domain = c.get("domain");
  const header = c.req.header("Authorization");
  let viewer: Viewer | null = null;
  if (header?.startsWith("Bearer ")) {
    viewer = await viewerFromAccessToken(domain, header.slice(7).trim());
  } else {
    const cookie = getCookie(c, sessionCookieName(new URL(c.req.url).protocol === "https:"));
    if (cookie) {
      if (c.req.method !== "GET" && c.req.method !== "HEAD" && !isSameOrigin(c.req.raw, domain.config.appOrigin)) {
        throw new AppError(403, "bad_origin", "Cross-site request refused.");
      }
      viewer = await validateSessionToken(domain, cookie);
    }
  }
  c.set("viewer", viewer);
  await next();
};

export function requireViewer(c: Context<ApiEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new AppError(401, "unauthorized", "Sign in to do this.");
  return viewer;
}

export function requireRole(c: Context<ApiEnv>, role: Role): Viewer {
  const viewer = requireViewer(c);
  if (!viewer.user.roles.includes(role)) throw new AppError(403, "forbidden", `This needs the ${role} role.`);
  return viewer;
}
