import { z } from "@hono/zod-openapi";
import { AppError } from "../domain/errors";
import { reverseRelease } from "../domain/milestones/reverse-release";
import { moneyReason } from "../domain/shared/reasons";
import { connectStatus, startConnectOnboarding, STRIPE_NOT_CONFIGURED } from "../domain/payments/stripe/connect";
import { requireFreshWebhook } from "../domain/payments/stripe/webhook-time";
import { handleStripeEvent } from "../domain/payments/stripe/webhooks";
import { idParams, markReplay } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole } from "./viewer";
import { connectOnboardingSchema, connectStatusSchema, webhookReceiptSchema } from "../domain/payments/stripe/view-schema";
import { releaseReversalSchema } from "../domain/milestones/view-schema";

const reverseBody = z.object({ reason: moneyReason });

/** Stripe's webhook (signed, no session) and freelancers' Stripe Connect onboarding. */
export const stripeRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/webhooks/stripe",
      tags: ["payments"],
      summary: "Stripe webhook: the raw event body, verified by its Stripe-Signature header; each event id is handled once",
      ok: { status: 200, description: "{received, duplicate}", schema: webhookReceiptSchema },
      errors: [400, 404],
    }),
    async (c) => {
      const domain = c.get("domain");
      const stripe = domain.payments?.stripe;
      if (!stripe) throw new AppError(404, "not_found", STRIPE_NOT_CONFIGURED);
      const signature = c.req.header("Stripe-Signature");
      if (!signature) throw new AppError(400, "bad_signature", "The Stripe-Signature header is missing.");
      const raw = await c.req.text();
      let event;
      try {
        event = await stripe.verifyEvent(raw, signature);
      } catch (error) {
        domain.log("stripe webhook signature refused", { error: String(error) });
        throw new AppError(400, "bad_signature", "The webhook signature does not match this body.");
      }
      requireFreshWebhook(domain, signature);
      const { duplicate } = await handleStripeEvent(domain, stripe, event);
      return c.json({ received: true, duplicate }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/payments/stripe/connect",
      tags: ["payments"],
      auth: true,
      summary: "My Stripe Connect status (freelancer): whether card-funded releases can be transferred to me",
      ok: { status: 200, description: "{available, connected, detailsSubmitted, payoutsEnabled}", schema: connectStatusSchema },
      errors: [403],
    }),
    async (c) => {
      const viewer = requireRole(c, "freelancer");
      return c.json(await connectStatus(c.get("domain"), viewer.user.id), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/payments/stripe/connect",
      tags: ["payments"],
      auth: true,
      summary: "Start or continue Stripe Connect onboarding (freelancer): answers the onboarding link to open",
      ok: { status: 200, description: "{url}", schema: connectOnboardingSchema },
      errors: [403, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "freelancer");
      return c.json(await startConnectOnboarding(c.get("domain"), viewer.user), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: "post",
      path: "/payments/releases/{id}/reverse",
      tags: ["payments"],
      auth: true,
      summary: "Give a paid release back to the client (admin): card-funded ones reverse the Stripe transfer and refund the card",
      params: idParams,
      body: reverseBody,
      ok: { status: 200, description: "{transactionId, amount, currency}", schema: releaseReversalSchema },
      errors: [403, 404, 409, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "admin");
      const result = await reverseRelease(c.get("domain"), viewer.user, c.req.valid("param").id, c.req.valid("json"));
      markReplay(c, result.replayed);
      return c.json({ transactionId: result.transactionId, amount: result.amount, currency: result.currency }, 200);
    },
  );
