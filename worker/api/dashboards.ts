import { clientDashboard } from "../domain/projects/dashboard";
import { freelancerDashboard } from "../domain/proposals/dashboard";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole } from "./viewer";

const tags = ["dashboards"];

export const dashboardRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/clients/me/dashboard",
      tags,
      auth: true,
      summary: "Client overview: projects with proposal counts, recent activity",
      ok: { status: 200, description: "{stats, projects, recentActivity}" },
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
      ok: { status: 200, description: "{stats, proposals, recommendedProjects}" },
      errors: [403],
    }),
    async (c) => c.json(await freelancerDashboard(c.get("domain"), requireRole(c, "freelancer").user), 200),
  );
