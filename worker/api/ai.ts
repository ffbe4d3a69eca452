import { z } from "@hono/zod-openapi";
import { estimateFreelancerRate } from "../domain/estimates/freelancer-rate";
import { estimateProjectPrice, priceEstimateSchema } from "../domain/estimates/project-price";
import { matchFreelancers, recommendedProjects } from "../domain/matching/matches";
import { MATCH_LIMIT_MAX } from "../domain/matching/weights";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { freelancerMatchesSchema, projectMatchesSchema } from "../domain/matching/view-schema";
import { priceEstimateViewSchema, rateEstimateViewSchema } from "../domain/estimates/view-schema";

const tags = ["matching and estimates"];
const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(MATCH_LIMIT_MAX).optional() });

export const aiRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/match-freelancers/{projectId}",
      tags,
      auth: true,
      summary: "Best-matching freelancers for your project (default 10, at most 50), each with a 0-100 score and a reason per factor",
      params: z.object({ projectId: z.string().min(1).max(64) }),
      query: limitQuery,
      ok: {
        status: 200,
        description: "{matches: [{freelancer, score, reasons: [{factor, score, weight, text}], applied, invited}]}",
        schema: freelancerMatchesSchema,
      },
      errors: [403, 404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await matchFreelancers(c.get("domain"), viewer.user, c.req.valid("param").projectId, c.req.valid("query"));
      return c.json(result, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/recommended-projects",
      tags,
      auth: true,
      summary: "Open projects recommended to you as a freelancer, by the same engine (default 10, at most 50)",
      query: limitQuery,
      ok: { status: 200, description: "{items: [{project, score, reasons}]}", schema: projectMatchesSchema },
      errors: [403, 422],
    }),
    async (c) => c.json(await recommendedProjects(c.get("domain"), requireViewer(c).user, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/estimate-price",
      tags,
      auth: true,
      summary:
        "Price range for a project from comparable contracted and posted projects: {low, median, high, currency, confidence, basedOn}, or {enoughData: false, message} when comparables are few",
      body: priceEstimateSchema,
      ok: { status: 200, description: "{enoughData, low, median, high, currency, confidence, basedOn}", schema: priceEstimateViewSchema },
      errors: [422],
    }),
    async (c) => {
      requireViewer(c);
      return c.json(await estimateProjectPrice(c.get("domain"), c.req.valid("json")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/estimate-freelancer-rate/{id}",
      tags,
      auth: true,
      summary: "Hourly rate range of freelancers comparable to this one (shared skills, experience), or {enoughData: false, message}",
      params: z.object({ id: z.string().min(1).max(64) }),
      ok: { status: 200, description: "{enoughData, low, median, high, currency, confidence, basedOn}", schema: rateEstimateViewSchema },
      errors: [404],
    }),
    async (c) => {
      requireViewer(c);
      return c.json(await estimateFreelancerRate(c.get("domain"), c.req.valid("param").id), 200);
    },
  );
