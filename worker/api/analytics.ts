import { z } from "@hono/zod-openapi";
import { adminAnalytics } from "../domain/analytics/admin";
import { toCsv } from "../domain/analytics/csv";
import { clientSpendByProject, freelancerAnalytics } from "../domain/analytics/personal";
import { parseRange } from "../domain/analytics/range";
import { analyticsTables } from "../domain/analytics/tables";
import { AppError } from "../domain/errors";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole } from "./viewer";
import { adminAnalyticsSchema, clientSpendSchema, freelancerAnalyticsSchema } from "../domain/analytics/view-schema";

const tags = ["analytics"];
const day = z.string().max(10).optional();

/** The admin dashboard's figures, as JSON or as CSV (one table at a time). */
export const adminAnalyticsRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "get",
    path: "/",
    tags,
    auth: true,
    summary:
      "Marketplace figures for a range of UTC days (default: the last 30), each beside the previous period of the same length; `format=csv&table=summary|active-users|money|daily` for CSV",
    query: z.object({
      from: day,
      to: day,
      format: z.enum(["json", "csv"]).default("json"),
      table: z.enum(["summary", "active-users", "money", "daily"]).optional(),
    }),
    ok: {
      status: 200,
      description: "{range, previous, metrics, activeUsers, money, series}, or one table as CSV",
      schema: adminAnalyticsSchema,
      media: { "text/csv": z.string().openapi({ description: "One table (format=csv&table=...), a header row first" }) },
    },
    errors: [403, 422],
  }),
  async (c) => {
    requireRole(c, "admin");
    const ctx = c.get("domain");
    const query = c.req.valid("query");
    const range = parseRange(query, ctx.clock.now());
    const analytics = await adminAnalytics(ctx, range);
    if (query.format === "json") return c.json(analytics, 200);
    if (!query.table) throw new AppError(422, "table_required", "Name the table to export.", { table: ["Required for CSV."] });
    const table = analyticsTables(analytics).find((t) => t.id === query.table)!;
    return c.body(toCsv([table.columns, ...table.rows]), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="megilance-${table.id}-${range.from}-${range.to}.csv"`,
    });
  },
);

/** Freelancers' and clients' own figures. */
export const analyticsRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancer",
      tags,
      auth: true,
      summary: "Your earnings, profile views and proposal success rate (freelancers)",
      query: z.object({ from: day, to: day }),
      ok: { status: 200, description: "{range, previous, earnings, profileViews, proposals, series}", schema: freelancerAnalyticsSchema },
      errors: [403, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "freelancer");
      const ctx = c.get("domain");
      return c.json(await freelancerAnalytics(ctx, viewer.user.id, parseRange(c.req.valid("query"), ctx.clock.now())), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/client",
      tags,
      auth: true,
      summary: "What you spent per project, net of refunds (clients)",
      query: z.object({
        from: day,
        to: day,
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      }),
      ok: { status: 200, description: "{range, projects, nextOffset, totals}", schema: clientSpendSchema },
      errors: [403, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "client");
      const ctx = c.get("domain");
      const query = c.req.valid("query");
      const range = parseRange(query, ctx.clock.now());
      return c.json(await clientSpendByProject(ctx, viewer.user.id, range, { offset: query.offset, limit: query.limit }), 200);
    },
  );
