import { z } from "@hono/zod-openapi";
import { PAYMENT_PROVIDERS } from "../../db/schema";
import { getMilestone } from "../domain/milestones/access";
import { changeRequest, milestoneTitle } from "../domain/milestones/inputs";
import { moneyReason } from "../domain/shared/reasons";
import { changesSomething, NOTHING_TO_CHANGE } from "../domain/shared/validate";
import { updateMilestone } from "../domain/milestones/manage";
import { approveMilestone, refundHeldFunds, releaseHeldFunds } from "../domain/milestones/release";
import { requestMilestoneChanges, submitMilestone, SUBMISSION_FILES_MAX } from "../domain/milestones/workflow";
import { fundMilestone } from "../domain/payments/fund";
import { quoteMilestoneCharge } from "../domain/payments/quote";
import { amountSchema, dateSchema, idempotencyKeyOf, idParams, markReplay, optionalJson } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { milestoneViewSchema } from "../domain/milestones/view-schema";
import { paymentViewSchema } from "../domain/payments/view-schema";

const milestoneBody = z.object({ milestone: milestoneViewSchema });
/** A money movement on a milestone and its ledger transaction (null when nothing moved). */
const movedBody = z.object({ milestone: milestoneViewSchema, transactionId: z.string().nullable() });

const tags = ["milestones"];

const patchBody = z
  .object({
    title: milestoneTitle.optional(),
    amount: amountSchema.optional(),
    dueDate: dateSchema.nullable().optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);
const fundBody = z.object({
  provider: z.enum(PAYMENT_PROVIDERS),
  /** The client's paying currency when it differs from the contract's: the rate is locked at funding. */
  currency: z.string().trim().min(3).max(3).optional(),
  /** The charge the client was shown (GET /milestones/:id/quote); a 409 quote_changed if the rate moved since. */
  chargedAmount: amountSchema.optional(),
});
const quoteQuery = z.object({ currency: z.string().trim().min(3).max(3).optional().openapi({ example: "GBP" }) });
const submitBody = z.object({
  message: z.string().trim().max(5000).nullable().optional(),
  /** Keys of the freelancer's uploads (POST /api/uploads) handed in with the work. */
  files: z.array(z.string().min(1).max(512)).max(SUBMISSION_FILES_MAX).optional(),
});
const changesBody = z.object({ message: changeRequest });
const movementBody = z.object({
  amount: amountSchema,
  reason: moneyReason,
});

const moneyErrors = [403, 404, 409, 422];

export const milestoneRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}",
      tags,
      auth: true,
      summary:
        "One milestone with the funds held for it (contract parties only): `status` and `statusLabel`; once settled an `outcome` {released, refunded}; `decision` when a dispute decided it; `charged` when the client paid in another currency",
      params: idParams,
      ok: { status: 200, description: "{milestone}", schema: milestoneBody },
      errors: [404],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ milestone: await getMilestone(c.get("domain"), c.req.valid("param").id, viewer.user.id) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/{id}/quote",
      tags,
      auth: true,
      summary:
        "What funding this milestone charges right now in `currency` (default: the contract's), before the client confirms: {amount, currency, chargedAmount, chargedCurrency, rate, fetchedAt}. Pass chargedAmount to /fund to pay exactly that",
      params: idParams,
      query: quoteQuery,
      ok: {
        status: 200,
        description: "{quote}",
        schema: z.object({
          quote: z.object({
            amount: z.number().int(),
            currency: z.string(),
            chargedAmount: z.number().int(),
            chargedCurrency: z.string(),
            rate: z.string(),
            fetchedAt: z.string(),
          }),
        }),
      },
      errors: [403, 404, 422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const quote = await quoteMilestoneCharge(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("query").currency);
      return c.json({ quote }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "patch",
      path: "/{id}",
      tags,
      auth: true,
      summary: "Edit a milestone that is not funded yet (client)",
      params: idParams,
      body: patchBody,
      ok: { status: 200, description: "{milestone}", schema: milestoneBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json({ milestone: await updateMilestone(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/fund",
      tags,
      auth: true,
      summary:
        "Fund a milestone (client; verified email; Idempotency-Key honoured). Card payments answer nextAction {clientSecret, publishableKey}",
      params: idParams,
      body: fundBody,
      ok: {
        status: 200,
        description: "{milestone, payment, nextAction}",
        schema: z.object({
          milestone: milestoneViewSchema,
          payment: paymentViewSchema,
          nextAction: z.record(z.string(), z.unknown()).nullable(),
        }),
      },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await fundMilestone(c.get("domain"), viewer.user, c.req.valid("param").id, {
        ...c.req.valid("json"),
        idempotencyKey: idempotencyKeyOf(c),
      });
      markReplay(c, result.replayed);
      return c.json({ milestone: result.milestone, payment: result.payment, nextAction: result.nextAction }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/submit",
      tags,
      auth: true,
      summary:
        "Submit work for review (freelancer; optional body {message, files}: files are keys of the freelancer's uploads, readable by both parties)",
      params: idParams,
      ok: { status: 200, description: "{milestone}", schema: milestoneBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const body = await optionalJson(c, submitBody);
      return c.json({ milestone: await submitMilestone(c.get("domain"), viewer.user, c.req.valid("param").id, body) }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/approve",
      tags,
      auth: true,
      summary: "Approve submitted work (client): the funds held for it go to the freelancer, less the platform fee",
      params: idParams,
      ok: { status: 200, description: "{milestone, transactionId}", schema: movedBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await approveMilestone(c.get("domain"), viewer.user, c.req.valid("param").id, { idempotencyKey: idempotencyKeyOf(c) });
      markReplay(c, result.replayed);
      return c.json({ milestone: result.milestone, transactionId: result.transactionId }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/request-changes",
      tags,
      auth: true,
      summary: "Send submitted work back with a message (client); the funds stay held",
      params: idParams,
      body: changesBody,
      ok: { status: 200, description: "{milestone}", schema: milestoneBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(
        { milestone: await requestMilestoneChanges(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json")) },
        200,
      );
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/release",
      tags,
      auth: true,
      summary: "Release part or all of the funds held for this milestone to the freelancer early (client)",
      params: idParams,
      body: movementBody,
      ok: { status: 200, description: "{milestone, transactionId}", schema: movedBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await releaseHeldFunds(c.get("domain"), viewer.user, c.req.valid("param").id, {
        ...c.req.valid("json"),
        idempotencyKey: idempotencyKeyOf(c),
      });
      markReplay(c, result.replayed);
      return c.json({ milestone: result.milestone, transactionId: result.transactionId }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/{id}/refund",
      tags,
      auth: true,
      summary: "Refund part or all of the funds held for this milestone to the client (client, before work is submitted)",
      params: idParams,
      body: movementBody,
      ok: { status: 200, description: "{milestone, transactionId}", schema: movedBody },
      errors: moneyErrors,
    }),
    async (c) => {
      const viewer = requireViewer(c);
      const result = await refundHeldFunds(c.get("domain"), viewer.user, c.req.valid("param").id, {
        ...c.req.valid("json"),
        idempotencyKey: idempotencyKeyOf(c),
      });
      markReplay(c, result.replayed);
      return c.json({ milestone: result.milestone, transactionId: result.transactionId }, 200);
    },
  );
