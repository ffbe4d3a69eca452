import { z } from "@hono/zod-openapi";
import { projectInputSchema, projectPatchSchema } from "../domain/projects/input";
import {
  closeProject,
  deleteProject,
  getProject,
  inviteFreelancer,
  postProject,
  reopenProject,
  updateProject,
} from "../domain/projects/projects";
import { listClientProjects } from "../domain/projects/client-projects";
import { PROJECT_SEARCH_STATUSES, projectSearchSchema, searchProjects } from "../domain/search/projects";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole, requireViewer } from "./viewer";
import { projectViewSchema } from "../domain/projects/view-schema";
import { searchPageSchema } from "../domain/shared/views";

const projectBody = z.object({ project: projectViewSchema });

const tags = ["projects"];
const params = z.object({ id: z.string().min(1).max(64) });
const listQuery = projectSearchSchema.extend({
  mine: z.enum(["true", "false", "1", "0"]).optional(),
  status: z.enum(PROJECT_SEARCH_STATUSES).optional().openapi({
    description: "open (the default for search), in_progress, completed, closed, or any; with mine=true, your projects in that status",
  }),
});

export const projectRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/",
      tags,
      auth: true,
      summary: "Post a project (clients with a verified email)",
      body: projectInputSchema,
      ok: { status: 201, description: "{project}", schema: projectBody },
      errors: [403, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ project: await postProject(c.get("domain"), viewer.user, c.req.valid("json")) }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      summary:
        "Search public projects, open ones unless status says otherwise (q: full text, ranked by bm25; filters; cursor pages), or mine=true for your own",
      query: listQuery,
      ok: { status: 200, description: "{items, nextCursor, total, totalCapped, didYouMean}", schema: searchPageSchema(projectViewSchema) },
      errors: [400, 422],
    }),
    async (c) => {
      const { mine, ...search } = c.req.valid("query");
      const domain = c.get("domain");
      if (mine === "true" || mine === "1") {
        const viewer = requireRole(c, "client");
        const status = search.status === "any" ? undefined : search.status;
        return c.json(await listClientProjects(domain, viewer.user.id, { status, cursor: search.cursor, limit: search.limit }), 200);
      }
      return c.json(await searchProjects(domain, search), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      summary: "One project",
      params,
      ok: { status: 200, description: "{project}", schema: projectBody },
      errors: [404],
    }),
    async (c) => {
      const project = await getProject(c.get("domain"), c.req.valid("param").id, c.get("viewer")?.user ?? null);
      return c.json({ project }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/{id}",
      tags,
      auth: true,
      summary: "Edit your project",
      params,
      body: projectPatchSchema,
      ok: { status: 200, description: "{project}", schema: projectBody },
      errors: [403, 404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const project = await updateProject(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ project }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/{id}",
      tags,
      auth: true,
      summary: "Delete your project (only while it has no proposals; otherwise close it)",
      params,
      ok: { status: 200, description: "{deleted: true}", schema: z.object({ deleted: z.literal(true), id: z.string() }) },
      errors: [403, 404, 409],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { id } = c.req.valid("param");
      await deleteProject(c.get("domain"), viewer.user, id);
      return c.json({ deleted: true, id }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/close",
      tags,
      auth: true,
      summary: "Close your project to new proposals (applicants are notified)",
      params,
      ok: { status: 200, description: "{project}", schema: projectBody },
      errors: [403, 404],
    }),
    async (c) => c.json({ project: await closeProject(c.get("domain"), requireViewer(c).user, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/reopen",
      tags,
      auth: true,
      summary: "Reopen your project to proposals and more hires (when closed, in progress or completed)",
      params,
      ok: { status: 200, description: "{project}", schema: projectBody },
      errors: [403, 404],
    }),
    async (c) => c.json({ project: await reopenProject(c.get("domain"), requireViewer(c).user, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/invites",
      tags,
      auth: true,
      summary: "Invite a freelancer (needed to see an invite-only project)",
      params,
      body: z.object({ freelancerId: z.string().min(1).max(64) }),
      ok: { status: 201, description: "{invited: true}", schema: z.object({ invited: z.literal(true) }) },
      errors: [403, 404],
    }),
    async (c) => {
      await inviteFreelancer(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json").freelancerId);
      return c.json({ invited: true }, 201);
    },
  );
