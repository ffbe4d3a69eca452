import { z } from "@hono/zod-openapi";
import { listCategories, listSkills, SKILL_PAGE_MAX, suggestSkills } from "../domain/taxonomy/taxonomy";
import { categoriesPageSchema, skillsPageSchema } from "../domain/taxonomy/view-schema";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";

const tags = ["taxonomy"];

export const taxonomyRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/categories",
      tags,
      summary: "All project categories",
      ok: { status: 200, description: "{items, nextCursor, total}", schema: categoriesPageSchema },
    }),
    async (c) => {
      const items = await listCategories(c.get("domain"));
      return c.json({ items, nextCursor: null, total: items.length }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/skills",
      tags,
      summary: "Skills: typeahead with q (names, slugs and aliases such as JS or Postgres), or the paged list",
      query: z.object({
        q: z.string().max(100).optional(),
        category: z.string().max(64).optional(),
        cursor: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(SKILL_PAGE_MAX).default(20),
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: skillsPageSchema },
    }),
    async (c) => {
      const { q, category, cursor, limit } = c.req.valid("query");
      const domain = c.get("domain");
      if (q !== undefined) return c.json({ items: await suggestSkills(domain, { q, category, limit }), nextCursor: null }, 200);
      return c.json(await listSkills(domain, { category, cursor, limit }), 200);
    },
  );
