import { z } from "zod";
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from "../../../db/schema";
import { milestoneViewSchema } from "../milestones/view-schema";
import { timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { CancelResult } from "./cancel";
import type { verifyCryptoPayment } from "./crypto-verify";
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

/** A pending payment dropped by its client, and the milestone it no longer funds. */
export const cancelledPaymentSchema = z.object({ payment: paymentViewSchema, milestone: milestoneViewSchema });

/** A milestone funded with USDC: the transaction used and the amount it moved (USDC minor units, as text). */
export const cryptoFundingSchema = z.object({
  milestone: milestoneViewSchema,
  payment: paymentViewSchema,
  txHash: z.string().regex(/^0x[0-9a-f]{64}$/),
  amount: z.string(),
});

export const cancelledPaymentShape: SameShape<Omit<CancelResult, "replayed">, z.infer<typeof cancelledPaymentSchema>> = true;
/** The domain types the hash as `0x${string}`; the schema states its form. */
type CryptoFunding = Omit<Resolved<typeof verifyCryptoPayment>, "txHash"> & { txHash: string };
export const cryptoFundingShape: SameShape<CryptoFunding, z.infer<typeof cryptoFundingSchema>> = true;
