import { z } from "@hono/zod-openapi";
import { DISPUTE_STATUSES } from "../../db/schema";
import { disputeEvidenceFileIds, disputeReason, disputeStatement, resolveDisputeInput } from "../domain/disputes/inputs";
import { openDispute, respondToDispute } from "../domain/disputes/open";
import { adminDisputeQueue, getDispute, listContractDisputes } from "../domain/disputes/queries";
import { resolveDispute } from "../domain/disputes/resolve";
import { idParams, markReplay, pageQuery } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole, requireViewer } from "./viewer";
import { disputesPageSchema, disputeViewSchema } from "../domain/disputes/view-schema";

const disputeBody = z.object({ dispute: disputeViewSchema });

const tags = ["disputes"];

const openBody = z.object({ reason: disputeReason, evidenceFileIds: disputeEvidenceFileIds });
const respondBody = z.object({ statement: disputeStatement, evidenceFileIds: disputeEvidenceFileIds });
const resolveBody = resolveDisputeInput;
const queueQuery = pageQuery.extend({ status: z.enum(DISPUTE_STATUSES).optional() });

export const disputeRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/milestones/{id}/dispute",
      tags,
      auth: true,
      summary: "Open a dispute on a funded or submitted milestone (either party); its funds freeze",
      params: idParams,
      body: openBody,
      ok: { status: 201, description: "{dispute}", schema: disputeBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = c.req.valid("json");
      const dispute = await openDispute(c.get("domain"), viewer.user, c.req.valid("param").id, {
        text: body.reason,
        evidenceFileIds: body.evidenceFileIds,
      });
      return c.json({ dispute }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/disputes/{id}",
      tags,
      auth: true,
      summary: "One dispute with its evidence, statements and deadlines (contract parties and admins)",
      params: idParams,
      ok: { status: 200, description: "{dispute}", schema: disputeBody },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ dispute: await getDispute(c.get("domain"), viewer.user, c.req.valid("param").id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/disputes/{id}/respond",
      tags,
      auth: true,
      summary: "Answer a dispute (the other party, before the 5-day deadline)",
      params: idParams,
      body: respondBody,
      ok: { status: 200, description: "{dispute}", schema: disputeBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = c.req.valid("json");
      const dispute = await respondToDispute(c.get("domain"), viewer.user, c.req.valid("param").id, {
        text: body.statement,
        evidenceFileIds: body.evidenceFileIds,
      });
      return c.json({ dispute }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/contracts/{id}/disputes",
      tags,
      auth: true,
      summary: "A contract's disputes, newest first (contract parties and admins)",
      params: idParams,
      query: pageQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: disputesPageSchema },
      errors: [404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listContractDisputes(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/admin/disputes",
      tags,
      auth: true,
      summary: "The dispute queue, newest first, optionally by status (admins)",
      query: queueQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: disputesPageSchema },
      errors: [403, 422],
    }),
    async (c) => {
      requireRole(c, "admin");
      return c.json(await adminDisputeQueue(c.get("domain"), c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/admin/disputes/{id}/resolve",
      tags,
      auth: true,
      summary: "Decide a dispute: release, refund or split (freelancerPercent); moves the held funds once (admins)",
      params: idParams,
      body: resolveBody,
      ok: { status: 200, description: "{dispute}", schema: disputeBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "admin");
      const result = await resolveDispute(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json"));
      markReplay(c, result.replayed);
      return c.json({ dispute: result.dispute }, 200);
    },
  );
