import { z } from "zod";
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from "../../../db/schema";
import { timestampSchema, type SameShape } from "../shared/views";
import type { toPaymentView } from "./fund";

/** A payment that funds a milestone; `lockedRate` is set when the client paid in another currency. */
export const paymentViewSchema = z.object({
  id: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS),
  sandbox: z.boolean(),
  status: z.enum(PAYMENT_STATUSES),
  amount: z.number().int(),
  currency: z.string(),
  milestoneId: z.string(),
  providerRef: z.string().nullable(),
  createdAt: timestampSchema,
  confirmedAt: timestampSchema.nullable(),
  lockedRate: z
    .object({ paidCurrency: z.string(), paidAmount: z.number().int(), rate: z.string(), rateFetchedAt: timestampSchema })
    .nullable(),
});

export const paymentViewShape: SameShape<ReturnType<typeof toPaymentView>, z.infer<typeof paymentViewSchema>> = true;
