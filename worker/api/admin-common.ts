import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AdminActor } from "../domain/auth/admin";
import { adminReason } from "../domain/shared/reasons";
import { requestMeta } from "../request-meta";
import type { ApiEnv } from "./context";
import { requireRole } from "./viewer";

/** Refuses non-admins before anything else (even before body validation), so a 403 reveals nothing. */
export const adminOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  requireRole(c, "admin");
  await next();
};

export function adminActor(c: Context<ApiEnv>): AdminActor {
  const viewer = requireRole(c, "admin");
  return { user: viewer.user, meta: requestMeta(c.req.raw) };
}

export const reasonSchema = adminReason;

export const reasonBody = z.object({ reason: reasonSchema });

export const adminPageQuery = {
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

/** "true"/"false" in a query string. */
export const booleanQuery = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();
