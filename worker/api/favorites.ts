import { z } from "@hono/zod-openapi";
import {
  FAVORITES_PAGE_MAX,
  listFavorites,
  saveFreelancer,
  saveProject,
  unsaveFreelancer,
  unsaveProject,
} from "../domain/favorites/favorites";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { favoriteSchema, favoritesPageSchema, unsavedSchema } from "../domain/favorites/view-schema";

const favoriteBody = z.object({ favorite: favoriteSchema });

const tags = ["favorites"];
const params = z.object({ id: z.string().min(1).max(64) });

export const favoriteRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Your saved projects or freelancers, most recently saved first",
      query: z.object({
        type: z.enum(["projects", "freelancers"]).default("projects"),
        cursor: z.string().max(500).optional(),
        limit: z.coerce.number().int().min(1).max(FAVORITES_PAGE_MAX).optional(),
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: favoritesPageSchema },
      errors: [400, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { type, cursor, limit } = c.req.valid("query");
      const domain = c.get("domain");
      const page =
        type === "projects"
          ? await listFavorites(domain, viewer.user, { type, cursor, limit })
          : await listFavorites(domain, viewer.user, { type, cursor, limit });
      return c.json(page, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/projects/{id}",
      tags,
      auth: true,
      summary: "Save a project (201 when new, 200 when already saved)",
      params,
      ok: { status: 201, description: "{favorite}", schema: favoriteBody },
      errors: [404],
    }),
    async (c) => {
      const { favorite, created } = await saveProject(c.get("domain"), requireViewer(c).user, c.req.valid("param").id);
      return created ? c.json({ favorite }, 201) : c.json({ favorite }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/projects/{id}",
      tags,
      auth: true,
      summary: "Forget a saved project",
      params,
      ok: { status: 200, description: "{removed}", schema: unsavedSchema },
    }),
    async (c) => c.json(await unsaveProject(c.get("domain"), requireViewer(c).user, c.req.valid("param").id), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/freelancers/{id}",
      tags,
      auth: true,
      summary: "Save a freelancer by user id or handle (201 when new, 200 when already saved)",
      params,
      ok: { status: 201, description: "{favorite}", schema: favoriteBody },
      errors: [404],
    }),
    async (c) => {
      const { favorite, created } = await saveFreelancer(c.get("domain"), requireViewer(c).user, c.req.valid("param").id);
      return created ? c.json({ favorite }, 201) : c.json({ favorite }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/freelancers/{id}",
      tags,
      auth: true,
      summary: "Forget a saved freelancer",
      params,
      ok: { status: 200, description: "{removed}", schema: unsavedSchema },
    }),
    async (c) => c.json(await unsaveFreelancer(c.get("domain"), requireViewer(c).user, c.req.valid("param").id), 200),
  );
