import { clientDashboard } from "../domain/projects/dashboard";
import { freelancerDashboard } from "../domain/proposals/dashboard";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole } from "./viewer";
import { clientDashboardSchema } from "../domain/projects/dashboard-schema";
import { freelancerDashboardSchema } from "../domain/proposals/dashboard-schema";

const tags = ["dashboards"];

export const dashboardRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/clients/me/dashboard",
      tags,
      auth: true,
      summary: "Client overview: projects with proposal counts, recent activity",
      ok: { status: 200, description: "{stats, cappedStats, projects, recentActivity}", schema: clientDashboardSchema },
      errors: [403],
    }),
    async (c) => c.json(await clientDashboard(c.get("domain"), requireRole(c, "client").user), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers/me/dashboard",
      tags,
      auth: true,
      summary: "Freelancer overview: proposals with status, projects recommended by skill overlap",
      ok: { status: 200, description: "{stats, hasProfile, proposals, recommendedProjects}", schema: freelancerDashboardSchema },
      errors: [403],
    }),
    async (c) => c.json(await freelancerDashboard(c.get("domain"), requireRole(c, "freelancer").user), 200),
  );
