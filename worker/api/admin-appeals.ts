import { z } from "@hono/zod-openapi";
import { APPEAL_STATUSES } from "../../db/schema";
import { APPEAL_DECISIONS, appealInputSchema, decideAppeal, listAppeals, submitAppeal } from "../domain/trust/appeals";
import { requestMeta } from "../request-meta";
import { adminActor, adminOnly, adminPageQuery } from "./admin-common";
import { idParams } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { appealReceivedSchema, appealsPageSchema, appealViewSchema } from "../domain/trust/view-schema";

const tags = ["admin: users"];

export const appealBody = appealInputSchema;
const decisionBody = z.object({
  decision: z.enum(APPEAL_DECISIONS),
  note: z.string().trim().min(3, { message: "Add a note for the account owner." }).max(2000),
});

/** Public: a blocked account's owner asks for the block to be lifted (same answer for any address). */
export const appealRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "post",
    path: "/",
    tags,
    summary: "Appeal a block {email, message}; queued for admins when the address belongs to a blocked account",
    body: appealBody,
    ok: { status: 202, description: "{message}", schema: appealReceivedSchema },
    errors: [422, 429],
  }),
  async (c) => c.json(await submitAppeal(c.get("domain"), c.req.valid("json"), requestMeta(c.req.raw)), 202),
);

export const adminAppealRoutes: Router = createRouter();
adminAppealRoutes.use("*", adminOnly);
adminAppealRoutes
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "Appeals, newest first; filter by status",
      query: z.object({ status: z.enum(APPEAL_STATUSES).optional(), ...adminPageQuery }),
      ok: { status: 200, description: "{items, nextCursor, total}", schema: appealsPageSchema },
      errors: [403, 422],
    }),
    async (c) => c.json(await listAppeals(c.get("domain"), adminActor(c), c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/decision",
      tags,
      auth: true,
      summary: 'Decide an appeal {decision: "accept" | "reject", note}: accepting lifts the block',
      params: idParams,
      body: decisionBody,
      ok: { status: 200, description: "{appeal}", schema: z.object({ appeal: appealViewSchema }) },
      errors: [403, 404, 409, 422],
    }),
    async (c) => c.json({ appeal: await decideAppeal(c.get("domain"), adminActor(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );
