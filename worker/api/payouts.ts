import { z } from "@hono/zod-openapi";
import { listPayouts, requestPayout } from "../domain/wallet/payouts";
import { amountSchema, idempotencyKeyOf, markReplay, pageQuery } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireRole, requireViewer } from "./viewer";
import { payoutsPageSchema, payoutViewSchema } from "../domain/wallet/view-schema";

const tags = ["wallet"];
const payoutBody = z.object({
  amount: amountSchema,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3,5}$/, { message: "Use a currency code like USD." }),
});

export const payoutRoutes: Router = createRouter()
  .openapi(
    jsonRoute({
      method: "post",
      path: "/",
      tags,
      auth: true,
      summary: "Pay out from my available balance (freelancer; verified email; Idempotency-Key honoured)",
      body: payoutBody,
      ok: {
        status: 201,
        description: "{payout}",
        schema: z.object({ payout: payoutViewSchema }),
        also: [{ status: 200, description: "{payout}: the one this Idempotency-Key already requested" }],
      },
      errors: [403, 409, 422],
    }),
    async (c) => {
      const viewer = requireRole(c, "freelancer");
      const result = await requestPayout(c.get("domain"), viewer.user, { ...c.req.valid("json"), idempotencyKey: idempotencyKeyOf(c) });
      markReplay(c, result.replayed);
      return c.json({ payout: result.payout }, result.replayed ? 200 : 201);
    },
  )
  .openapi(
    jsonRoute({
      method: "get",
      path: "/",
      tags,
      auth: true,
      summary: "My payouts, newest first",
      query: pageQuery,
      ok: { status: 200, description: "{items, nextCursor}", schema: payoutsPageSchema },
      errors: [422],
    }),
    async (c) => {
      const viewer = requireViewer(c);
      return c.json(await listPayouts(c.get("domain"), viewer.user.id, c.req.valid("query")), 200);
    },
  );
