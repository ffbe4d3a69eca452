import { createRoute, z } from "@hono/zod-openapi";
import { checkReadiness } from "../domain/ops/health";
import { createRouter, type Router } from "./context";

const live = createRoute({
  method: "get",
  path: "/live",
  tags: ["health"],
  summary: "The Worker is up",
  responses: {
    200: { description: "Always", content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } } },
  },
});

const readySchema = z.object({ status: z.enum(["ok", "unavailable"]), db: z.string() });
const ready = createRoute({
  method: "get",
  path: "/ready",
  tags: ["health"],
  summary: "The Worker can serve traffic (the database answers)",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: readySchema } } },
    503: { description: "Not ready, with the reason", content: { "application/json": { schema: readySchema } } },
  },
});

export const healthRoutes: Router = createRouter()
  .openapi(live, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(ready, async (c) => {
    const result = await checkReadiness({ db: c.get("db") });
    if (result.ok) return c.json({ status: "ok" as const, db: "ok" }, 200);
    return c.json({ status: "unavailable" as const, db: result.reason }, 503);
  });
