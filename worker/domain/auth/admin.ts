import type { User } from "../../../db/schema";
import type { RequestMeta } from "./sessions";
import { AppError } from "../errors";

/** Every admin action names its actor and where the request came from, for the audit trail. */
export interface AdminActor {
  user: User;
  meta: RequestMeta;
}

/** The domain's own check: admin actions refuse anyone without the admin role, whatever the route did. */
export function requireAdmin(actor: AdminActor): void {
  if (!actor.user.roles.includes("admin")) throw new AppError(403, "forbidden", "This needs the admin role.");
}

export function auditMeta(actor: AdminActor) {
  return {
    actorId: actor.user.id,
    ip: actor.meta.ip ?? null,
    userAgent: actor.meta.userAgent ?? null,
    country: actor.meta.country ?? null,
  };
}

export const PAGE_MAX = 100;

export function pageLimit(limit: number | undefined, fallback = 25): number {
  return Math.min(Math.max(limit ?? fallback, 1), PAGE_MAX);
}
