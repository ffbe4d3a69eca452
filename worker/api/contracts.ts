import { z } from "@hono/zod-openapi";
import { CONTRACT_TYPES } from "../../db/schema";
import { acceptContract, declineContract, endContract, updateContractTerms } from "../domain/contracts/lifecycle";
import { CONTRACT_LIST_STATUSES, CONTRACT_PAGE_DEFAULT, CONTRACT_PAGE_MAX, listContracts } from "../domain/contracts/list";
import { getContractDetail } from "../domain/contracts/queries";
import { weeklyHourLimit } from "../domain/contract-core/terms-input";
import { declineReason, endReason } from "../domain/contracts/input";
import { milestoneTitle } from "../domain/milestones/inputs";
import { addMilestone } from "../domain/milestones/manage";
import { amountSchema, dateSchema, idParams, optionalJson } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { contractDetailViewSchema, contractViewSchema } from "../domain/contracts/view-schema";
import { milestoneViewSchema } from "../domain/milestones/view-schema";
import { countedPageSchema } from "../domain/shared/views";

const contractBody = z.object({ contract: contractViewSchema });

const tags = ["contracts"];

const listQuery = z.object({
  status: z
    .enum(CONTRACT_LIST_STATUSES)
    .optional()
    .openapi({ description: "offered, active, or ended (which also lists declined offers); declined narrows to those" }),
  role: z
    .enum(["client", "freelancer"])
    .optional()
    .openapi({ description: "Only the contracts where you are the client, or the freelancer" }),
  q: z.string().trim().max(200).optional().openapi({ description: "Words in the contract's or project's title or the other party's name" }),
  limit: z.coerce.number().int().min(1).max(CONTRACT_PAGE_MAX).default(CONTRACT_PAGE_DEFAULT),
  cursor: z.string().min(1).max(64).optional(),
});

const termsBody = z
  .object({
    type: z.enum(CONTRACT_TYPES).optional(),
    amount: amountSchema.optional(),
    hourlyRate: amountSchema.optional(),
    weeklyHourLimit: weeklyHourLimit.nullable().optional(),
    startDate: dateSchema.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Change at least one term." });

const milestoneBody = z.object({
  title: milestoneTitle,
  amount: amountSchema,
  dueDate: dateSchema.nullable().optional(),
});

const endBody = z.object({ reason: endReason });
const declineBody = z.object({ reason: declineReason.nullable().optional() });

export const contractRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary:
        "My contracts, newest first, by role and status tab, with a search; each with the other party, the funds held in escrow and the next action",
      query: listQuery,
      ok: { status: 200, description: "{items, nextCursor, total}", schema: countedPageSchema(contractViewSchema) },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listContracts(c.get("domain"), viewer.user.id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary: "One contract with its milestones (and the funds held for each) and its timeline (parties only)",
      params: idParams,
      ok: { status: 200, description: "{contract}", schema: z.object({ contract: contractDetailViewSchema }) },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ contract: await getContractDetail(c.get("domain"), viewer.user.id, c.req.valid("param").id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/{id}",
      tags,
      auth: true,
      summary: "Adjust the offer's terms: fixed price, or hourly rate and weekly limit, and start date (client, while offered)",
      params: idParams,
      body: termsBody,
      ok: { status: 200, description: "{contract}", schema: contractBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const contract = await updateContractTerms(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ contract }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/accept",
      tags,
      auth: true,
      summary: "Accept the offer (freelancer): the contract becomes active",
      params: idParams,
      ok: { status: 200, description: "{contract}", schema: contractBody },
      errors: [403, 404, 409],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ contract: await acceptContract(c.get("domain"), viewer.user, c.req.valid("param").id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/decline",
      tags,
      auth: true,
      summary: "Decline the offer (freelancer; optional body {reason}); funds already held go back to the client",
      params: idParams,
      ok: { status: 200, description: "{contract}", schema: contractBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = await optionalJson(c, declineBody);
      return c.json({ contract: await declineContract(c.get("domain"), viewer.user, c.req.valid("param").id, body) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/end",
      tags,
      auth: true,
      summary:
        "End an active contract (either party). Submitted work must be decided first; funds held for other milestones go back to the client",
      params: idParams,
      body: endBody,
      ok: { status: 200, description: "{contract}", schema: contractBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ contract: await endContract(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/milestones",
      tags: ["milestones"],
      auth: true,
      summary: "Add a milestone (client; fixed-price contract, offered or active)",
      params: idParams,
      body: milestoneBody,
      ok: { status: 201, description: "{milestone}", schema: z.object({ milestone: milestoneViewSchema }) },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ milestone: await addMilestone(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 201);
    },
  );
