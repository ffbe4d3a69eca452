import { z } from "zod";
import { LEDGER_KINDS, PAYMENT_PROVIDERS, PAYOUT_STATUSES } from "../../../db/schema";
import { pageSchema, timestampSchema, type Resolved, type SameShape } from "../shared/views";
import type { PayoutView } from "./payouts";
import type { getWallet } from "./wallet";

/** Money sent from a freelancer's available balance to their account at the provider. */
export const payoutViewSchema = z.object({
  id: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS),
  sandbox: z.boolean(),
  status: z.enum(PAYOUT_STATUSES),
  amount: z.number().int(),
  currency: z.string(),
  providerRef: z.string().nullable(),
  createdAt: timestampSchema,
  paidAt: timestampSchema.nullable(),
});
export const payoutsPageSchema = pageSchema(payoutViewSchema);

/** One movement of the freelancer's balance (positive in, negative out). */
export const walletEntrySchema = z.object({
  id: z.string(),
  transactionId: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amount: z.number().int(),
  currency: z.string(),
  contractId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  memo: z.string().nullable(),
  createdAt: timestampSchema,
});

/** Balances per currency (available to pay out; pending = held for active contracts) and the balance history. */
export const walletViewSchema = z.object({
  balances: z.array(z.object({ currency: z.string(), available: z.number().int(), pending: z.number().int() })),
  entries: pageSchema(walletEntrySchema),
});

export const payoutViewShape: SameShape<PayoutView, z.infer<typeof payoutViewSchema>> = true;
export const walletViewShape: SameShape<Resolved<typeof getWallet>, z.infer<typeof walletViewSchema>> = true;
