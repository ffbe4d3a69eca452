import { z } from "@hono/zod-openapi";
import { hideProject, listProjectsForModeration, unhideProject } from "../domain/trust/moderation";
import { hideReview, listReviewsForModeration, REVIEW_MODERATION_STATUSES, unhideReview } from "../domain/trust/review-moderation";
import { adminActor, adminOnly, adminPageQuery, booleanQuery, reasonBody } from "./admin-common";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import {
  moderationProjectSchema,
  moderationProjectsPageSchema,
  moderationReviewSchema,
  moderationReviewsPageSchema,
} from "../domain/trust/view-schema";

const tags = ["admin: moderation"];

const projectBody = z.object({ project: moderationProjectSchema });
const reviewBody = z.object({ review: moderationReviewSchema });

const action = (
  path: string,
  summary: string,
  ok: { description: string; schema: z.ZodType } = { description: "{project}", schema: projectBody },
) =>
  jsonRoute({
    method: "post",
    path,
    tags,
    auth: true,
    summary,
    params: idParams,
    body: reasonBody,
    ok: { status: 200, ...ok },
    errors: [403, 404, 409, 422],
  });

export const adminProjectRoutes: Router = createRouter();
adminProjectRoutes.use("*", adminOnly);
adminProjectRoutes
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Projects for moderation, newest first; search by title or id, filter hidden",
      query: z.object({ q: z.string().trim().min(1).max(200).optional(), hidden: booleanQuery, ...adminPageQuery }),
      ok: { status: 200, description: "{items, nextCursor}", schema: moderationProjectsPageSchema },
      errors: [403, 422],
    }),
    async (c) => c.json(await listProjectsForModeration(c.get("domain"), adminActor(c), c.req.valid("query")), 200),
  )
  .openapi(action("/{id}/hide", "Hide a project {reason}: it leaves search and is shown only to its owner"), async (c) =>
    c.json({ project: await hideProject(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  )
  .openapi(action("/{id}/unhide", "Show a hidden project again {reason}"), async (c) =>
    c.json({ project: await unhideProject(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );

export const adminReviewRoutes: Router = createRouter();
adminReviewRoutes.use("*", adminOnly);
adminReviewRoutes
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Reviews for moderation, newest first; filter by status (visible or hidden), a user (author or subject), words",
      query: z.object({
        status: z.enum(REVIEW_MODERATION_STATUSES).optional(),
        userId: z.string().trim().min(1).max(64).optional(),
        q: z.string().trim().min(1).max(200).optional(),
        ...adminPageQuery,
      }),
      ok: { status: 200, description: "{items, nextCursor}", schema: moderationReviewsPageSchema },
      errors: [403, 422],
    }),
    async (c) => c.json(await listReviewsForModeration(c.get("domain"), adminActor(c), c.req.valid("query")), 200),
  )
  .openapi(
    action(
      "/{id}/hide",
      "Hide a review {reason}: it leaves profiles and lists and stops counting in ratings and job success; both parties are told",
      { description: "{review}", schema: reviewBody },
    ),
    async (c) => c.json({ review: await hideReview(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  )
  .openapi(action("/{id}/unhide", "Show a hidden review again {reason}", { description: "{review}", schema: reviewBody }), async (c) =>
    c.json({ review: await unhideReview(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );
