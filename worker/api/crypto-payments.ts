import { z } from "@hono/zod-openapi";
import { verifyCryptoPayment } from "../domain/payments/crypto-verify";
import { createRouter, type Router } from "./context";
import { jsonRoute } from "./openapi";
import { requireViewer } from "./viewer";
import { cryptoFundingSchema } from "../domain/payments/view-schema";

const verifyBody = z.object({
  milestoneId: z.string().min(1).max(64),
  txHash: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{64}$/, { message: "A transaction hash is 0x followed by 64 hex digits." })
    .transform((h) => h as `0x${string}`),
});

export const cryptoPaymentRoutes: Router = createRouter().openapi(
  jsonRoute({
    method: "post",
    path: "/verify",
    tags: ["payments"],
    auth: true,
    summary:
      "Fund a milestone with USDC (client): after sending the amount to the platform address (see nextAction of POST /milestones/{id}/fund with provider usdc), post the transaction hash. The receipt must be successful, hold a USDC Transfer to the platform address of at least the amount, have the required confirmations, and never have been used before; then the funds are held for the milestone",
    body: verifyBody,
    ok: { status: 200, description: "{milestone, payment, txHash, amount}", schema: cryptoFundingSchema },
    errors: [403, 404, 409, 422],
  }),
  async (c) => {
    const viewer = requireViewer(c);
    const result = await verifyCryptoPayment(c.get("domain"), viewer.user, c.req.valid("json"));
    return c.json(result, 200);
  },
);
