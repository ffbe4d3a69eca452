import { z } from "@hono/zod-openapi";
import { changeSavedSearchInput, saveSearchInput, savedSearchesQuery } from "../domain/saved-searches/inputs";
import {
  changeSavedSearch,
  deleteSavedSearch,
  getSavedSearch,
  listSavedSearches,
  saveSearch,
} from "../domain/saved-searches/saved-searches";
import { savedSearchesPageSchema, savedSearchRemovedSchema, savedSearchViewSchema } from "../domain/saved-searches/view-schema";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";

const tags = ["saved searches"];
const params = z.object({ id: z.string().min(1).max(64) });
const savedSearchBody = z.object({ savedSearch: savedSearchViewSchema });

export const savedSearchRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Your saved project searches, newest first, paginated",
      query: savedSearchesQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: savedSearchesPageSchema },
      errors: [422],
    }),
    async (c) => c.json(await listSavedSearches(c.get("domain"), requireViewer(c).user.id, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/",
      tags,
      auth: true,
      summary:
        "Save a project search (freelancers): a name and the /projects page's query string (its URL filters, checked as the page reads them); alerts are instant unless `frequency` says daily or none",
      body: saveSearchInput,
      ok: { status: 201, description: "{savedSearch}", schema: savedSearchBody },
      errors: [403, 409, 422],
    }),
    async (c) => c.json({ savedSearch: await saveSearch(c.get("domain"), requireViewer(c).user, c.req.valid("json")) }, 201),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One of your saved searches",
      params,
      ok: { status: 200, description: "{savedSearch}", schema: savedSearchBody },
      errors: [404],
    }),
    async (c) => c.json({ savedSearch: await getSavedSearch(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/{id}",
      tags,
      auth: true,
      summary:
        "Rename a saved search or switch its alerts: instant (a live notification per new project), daily (an e-mail digest) or none",
      params,
      body: changeSavedSearchInput,
      ok: { status: 200, description: "{savedSearch}", schema: savedSearchBody },
      errors: [404, 422],
    }),
    async (c) =>
      c.json(
        { savedSearch: await changeSavedSearch(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id, c.req.valid("json")) },
        200,
      ),
  )
  .openapi(
    jsonRoute({
      method: "delete",
      path: "/{id}",
      tags,
      auth: true,
      summary: "Delete one of your saved searches",
      params,
      ok: { status: 200, description: "{removed}", schema: savedSearchRemovedSchema },
      errors: [404],
    }),
    async (c) => c.json(await deleteSavedSearch(c.get("domain"), requireViewer(c).user.id, c.req.valid("param").id), 200),
  );
