import { z } from "@hono/zod-openapi";
import { jobSuccessFor } from "../domain/reviews/job-success";
import { contractReviews, userReviews } from "../domain/reviews/queries";
import { writeReviewInput } from "../domain/reviews/inputs";
import { writeReview } from "../domain/reviews/write";
import { idParams, pageQuery } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { contractReviewsSchema, jobSuccessSchema, userReviewsSchema } from "../domain/reviews/view-schema";

const tags = ["reviews"];
const reviewBody = writeReviewInput;

export const reviewRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/contracts/{id}/reviews",
      tags,
      auth: true,
      summary: "Review the other side of an ended contract (once per side); hidden until both wrote or 14 days pass",
      params: idParams,
      body: reviewBody,
      ok: { status: 201, description: "{items, visible, visibleFrom, viewerCanReview, viewerRole}", schema: contractReviewsSchema },
      errors: [404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await writeReview(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")), 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/contracts/{id}/reviews",
      tags,
      auth: true,
      summary: "A contract's reviews: yours, and the other side's once visible (parties; admins also see private notes)",
      params: idParams,
      ok: { status: 200, description: "{items, visible, visibleFrom, viewerCanReview, viewerRole}", schema: contractReviewsSchema },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await contractReviews(c.get("domain"), viewer.user, c.req.valid("param").id), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/users/{id}/reviews",
      tags,
      summary:
        "Visible reviews about a user, newest first, with their average (1 decimal) and count of exactly those reviews; as=freelancer (what clients said, as on the public profile) or as=client narrows to one role",
      params: idParams,
      query: pageQuery.extend({ as: z.enum(["freelancer", "client"]).optional() }),
      ok: { status: 200, description: "{items, nextCursor, summary}", schema: userReviewsSchema },
      errors: [422],
    }),
    async (c) => c.json(await userReviews(c.get("domain"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/users/{id}/job-success",
      tags,
      summary: "A freelancer's job success and its inputs (formula: /help/job-success)",
      params: idParams,
      ok: {
        status: 200,
        description: "{jobSuccess: {score, positive, withOutcome, minimum}}",
        schema: z.object({ jobSuccess: jobSuccessSchema }),
      },
    }),
    async (c) => c.json({ jobSuccess: await jobSuccessFor(c.get("domain"), c.req.valid("param").id) }, 200),
  );
