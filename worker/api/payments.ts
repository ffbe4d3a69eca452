import { cancelPayment } from "../domain/payments/cancel";
import { idParams, markReplay } from "./contracts-common";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { cancelledPaymentSchema } from "../domain/payments/view-schema";

/** A client's own payments: dropping one that was started and never finished. */
export const paymentRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "post",
    path: "/{id}/cancel",
    tags: ["payments"],
    auth: true,
    summary:
      "Cancel a pending payment (the client who started it), so the milestone can be paid another way. A card payment is cancelled at Stripe first; one that already went through is refused (409 payment_succeeded) and changes nothing. Repeating answers the cancelled payment (Idempotent-Replayed)",
    params: idParams,
    ok: { status: 200, description: "{payment, milestone}", schema: cancelledPaymentSchema },
    errors: [403, 404, 409, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    const result = await cancelPayment(c.get("domain"), viewer.user, c.req.valid("param").id);
    markReplay(c, result.replayed);
    return c.json({ payment: result.payment, milestone: result.milestone }, 200);
  },
);
