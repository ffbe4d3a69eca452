import { z } from "@hono/zod-openapi";
import { listAuditEvents } from "../domain/trust/audit-log";
import { adminActor, adminOnly, adminPageQuery } from "./admin-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { auditPageSchema } from "../domain/trust/view-schema";

export const auditQuery = z.object({
  type: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().min(1).max(64).optional(),
  subjectId: z.string().min(1).max(64).optional(),
  ...adminPageQuery,
});

export const adminAuditRoutes: Router = createRouter();
adminAuditRoutes.use("*", adminOnly);
adminAuditRoutes.openapi(
  jsonRoute({
    method: "get",
    path: "/",
    tags: ["admin: audit"],
    auth: true,
    summary: 'The audit log, newest first; filter by type (a prefix ending in "." matches a family), actor or subject',
    query: auditQuery,
    ok: { status: 200, description: "{items, nextCursor}", schema: auditPageSchema },
    errors: [403, 422],
  }),
  async (c) => c.json(await listAuditEvents(c.get("domain"), adminActor(c), c.req.valid("query")), 200),
);
