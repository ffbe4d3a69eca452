import { z } from "@hono/zod-openapi";
import { PROPOSAL_STATUSES } from "../../db/schema";
import { AppError } from "../domain/errors";
import { parseInput } from "../domain/shared/validate";
import { acceptProposal, declineProposal, shortlistProposal } from "../domain/proposals/decide";
import { declineSchema, proposalInputSchema, proposalPatchSchema } from "../domain/proposals/input";
import { getProposal, listProjectProposals, PROPOSAL_PAGE_MAX } from "../domain/proposals/list";
import { listMyProposals, MY_PROPOSAL_STAGES } from "../domain/proposals/mine";
import { sendOffer } from "../domain/contracts/offer";
import { offerInputSchema } from "../domain/contracts/offer-input";
import { editProposal, sendProposal, withdrawProposal } from "../domain/proposals/send";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole, requireViewer } from "./viewer";
import { contractDraftSchema, myProposalItemSchema, proposalViewSchema, rankedProposalSchema } from "../domain/proposals/view-schema";
import { countedPageSchema } from "../domain/shared/views";
import { contractDetailViewSchema } from "../domain/contracts/view-schema";

const proposalBody = z.object({ proposal: proposalViewSchema });

const tags = ["proposals"];
const params = z.object({ id: z.string().min(1).max(64) });
const pageQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PROPOSAL_PAGE_MAX).optional(),
});
const mineQuery = pageQuery.extend({
  status: z
    .enum([...MY_PROPOSAL_STAGES, "accepted"])
    .optional()
    .openapi({ description: "pending, shortlisted, declined, withdrawn or hired (the client chose it: stored as accepted)" }),
});

/** The decline reason is optional, so an empty body (even one labelled JSON) is fine. */
async function optionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "bad_request", "The request body is not valid JSON.");
  }
}

export const proposalRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/projects/{id}/proposals",
      tags,
      auth: true,
      summary:
        "Send a proposal (freelancers with a verified email; one per project; 20 a day). On a fixed-price project bidAmount is the price and estimatedDays is required; on an hourly one bidAmount is the hourly rate and weeklyHours (1–80) is required",
      params,
      body: proposalInputSchema,
      ok: { status: 201, description: "{proposal}", schema: proposalBody },
      errors: [403, 404, 409, 422, 429],
    }),
    async (c) => {
      const proposal = await sendProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ proposal }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/projects/{id}/proposals",
      tags,
      auth: true,
      summary: "Proposals on your project, ranked by score (skill overlap, bid vs budget, rating)",
      params,
      query: pageQuery,
      ok: { status: 200, description: "{items, nextCursor, total}", schema: countedPageSchema(rankedProposalSchema) },
      errors: [403, 404],
    }),
    async (c) => {
      const page = await listProjectProposals(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("query"));
      return c.json(page, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/proposals/mine",
      tags,
      auth: true,
      summary: "Your proposals (freelancers), newest first, by status; each with its stage and, once hired, its contract",
      query: mineQuery,
      ok: { status: 200, description: "{items, nextCursor, total}", schema: countedPageSchema(myProposalItemSchema) },
      errors: [403, 422],
    }),
    async (c) => c.json(await listMyProposals(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/freelancers/me/proposals",
      tags,
      auth: true,
      summary: "Your proposals, newest first (the same list as /proposals/mine)",
      query: mineQuery,
      ok: { status: 200, description: "{items, nextCursor, total}", schema: countedPageSchema(myProposalItemSchema) },
      errors: [403],
    }),
    async (c) => c.json(await listMyProposals(c.get("domain"), requireRole(c, "freelancer").user, c.req.valid("query")), 200),
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/proposals/{id}",
      tags,
      auth: true,
      summary: "One proposal (its freelancer or the project's client)",
      params,
      ok: { status: 200, description: "{proposal}", schema: proposalBody },
      errors: [403, 404],
    }),
    async (c) => c.json({ proposal: await getProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/proposals/{id}",
      tags,
      auth: true,
      summary: "Edit your proposal while the client has not decided",
      params,
      body: proposalPatchSchema,
      ok: { status: 200, description: "{proposal}", schema: proposalBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const proposal = await editProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ proposal }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/proposals/{id}/accept",
      tags,
      auth: true,
      summary: "Accept a proposal: it becomes accepted and a contract draft (offered) is created",
      params,
      ok: {
        status: 200,
        description: "{proposal, contract}",
        schema: z.object({ proposal: proposalViewSchema, contract: contractDraftSchema }),
      },
      errors: [403, 404, 409],
    }),
    async (c) => c.json(await acceptProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id), 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/proposals/{id}/offer",
      tags,
      auth: true,
      summary:
        "Hire: send an offer on a proposal (the project's client): title, fixed price with milestones or hourly rate with a weekly limit, start date and message. The proposal is accepted and the contract is offered",
      params,
      body: offerInputSchema,
      ok: { status: 201, description: "{contract}", schema: z.object({ contract: contractDetailViewSchema }) },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const contract = await sendOffer(c.get("domain"), requireViewer(c).user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ contract }, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/proposals/{id}/reject",
      tags,
      auth: true,
      summary: "Decline a proposal; optional JSON body {reason} is shown to the freelancer",
      params,
      ok: { status: 200, description: "{proposal}", schema: proposalBody },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const { reason } = parseInput(declineSchema, await optionalJson(c.req.raw));
      return c.json({ proposal: await declineProposal(c.get("domain"), viewer.user, c.req.valid("param").id, reason) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/proposals/{id}/shortlist",
      tags,
      auth: true,
      summary: "Shortlist a proposal on your project",
      params,
      ok: { status: 200, description: "{proposal}", schema: proposalBody },
      errors: [403, 404, 409],
    }),
    async (c) => c.json({ proposal: await shortlistProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id) }, 200),
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/proposals/{id}/withdraw",
      tags,
      auth: true,
      summary: "Withdraw your proposal while the client has not decided",
      params,
      ok: { status: 200, description: "{proposal}", schema: proposalBody },
      errors: [403, 404, 409],
    }),
    async (c) => c.json({ proposal: await withdrawProposal(c.get("domain"), requireViewer(c).user, c.req.valid("param").id) }, 200),
  );
