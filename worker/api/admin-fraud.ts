import { z } from "@hono/zod-openapi";
import { FRAUD_ALERT_KINDS, FRAUD_ALERT_STATUSES, RISK_LEVELS } from "../../db/schema";
import { ALERT_DECISIONS, alertsSummary, decideAlert, getAlert, listAlerts } from "../domain/trust/alerts";
import { sweepOnRequest } from "../domain/trust/sweep";
import { adminActor, adminOnly, adminPageQuery } from "./admin-common";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { alertsPageSchema, alertsSummarySchema, alertViewSchema, sweepResultSchema } from "../domain/trust/view-schema";

const tags = ["admin: fraud"];
const alertBody = z.object({ alert: alertViewSchema });

const listQuery = z.object({
  status: z.enum(FRAUD_ALERT_STATUSES).optional(),
  severity: z.enum(RISK_LEVELS).optional(),
  kind: z.enum(FRAUD_ALERT_KINDS).optional(),
  userId: z.string().min(1).max(64).optional(),
  ...adminPageQuery,
});
const patchBody = z.object({
  status: z.enum(ALERT_DECISIONS),
  note: z.string().trim().max(2000).nullable().optional(),
});
const sweepBody = z.object({
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
});

/** Mounted at /admin; each path refuses non-admins before validation. */
export const adminFraudRoutes: Router = createRouter();
for (const path of ["/fraud-alerts", "/fraud-alerts/*", "/alerts-summary", "/fraud-sweep"]) adminFraudRoutes.use(path, adminOnly);
adminFraudRoutes
  .openapi(
    jsonRoute({
      method: "get",
      path: "/fraud-alerts",
      tags,
      auth: true,
      summary: "Fraud alerts, newest first; filter by status, severity, kind or account",
      query: listQuery,
      ok: { status: 200, description: "{items, nextCursor, total}", schema: alertsPageSchema },
      errors: [403, 422],
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await listAlerts(c.get("domain"), adminActor(c), { ...q, level: q.severity }), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/fraud-alerts/{id}",
      tags,
      auth: true,
      summary: "One fraud alert with its signals and evidence",
      params: idParams,
      ok: { status: 200, description: "{alert}", schema: alertBody },
      errors: [403, 404],
    }),
    async (c) => c.json({ alert: await getAlert(c.get("domain"), adminActor(c), c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/fraud-alerts/{id}",
      tags,
      auth: true,
      summary: 'Move an alert along: {status: "resolved" | "false_positive" | "investigating", note}',
      params: idParams,
      body: patchBody,
      ok: { status: 200, description: "{alert}", schema: alertBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => c.json({ alert: await decideAlert(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/alerts-summary",
      tags,
      auth: true,
      summary: "Alert counts by severity and by status, and open alerts by severity",
      ok: { status: 200, description: "{total, bySeverity, byStatus, openBySeverity}", schema: alertsSummarySchema },
      errors: [403],
    }),
    async (c) => c.json(await alertsSummary(c.get("domain"), adminActor(c)), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/fraud-sweep",
      tags,
      auth: true,
      summary: "Run the fraud sweep now over the last {windowHours} (default 24); the cron runs it every 15 minutes",
      body: sweepBody,
      ok: {
        status: 200,
        description: "{sweep: {windowStart, windowEnd, scored, flagged, created, updated, held}}",
        schema: z.object({ sweep: sweepResultSchema }),
      },
      errors: [403, 422],
    }),
    async (c) => c.json({ sweep: await sweepOnRequest(c.get("domain"), adminActor(c), c.req.valid("json").windowHours) }, 200),
  );
