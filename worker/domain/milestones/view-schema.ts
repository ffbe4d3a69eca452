import { z } from "zod";
import { MILESTONE_STATUSES } from "../../../db/schema";
import { fileViewSchema } from "../shared/file-view-schema";
import { timestampSchema, type SameShape } from "../shared/views";
import type { ReverseResult } from "./reverse-release";
import type { MilestoneView } from "./view";

/** Funds held for a contract or milestone, and what already went out of them (minor units). */
export const heldFundsSchema = z.object({
  funded: z.number().int(),
  held: z.number().int(),
  released: z.number().int(),
  refunded: z.number().int(),
});

export const milestoneViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  position: z.number().int(),
  title: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(MILESTONE_STATUSES),
  /** The status in words, the same on every page, e-mail and document. */
  statusLabel: z.string(),
  /** Where the money went once nothing is held any more: gross to the freelancer, and back to the client. */
  outcome: z.object({ released: z.number().int(), refunded: z.number().int() }).nullable(),
  /** Set when a dispute decision settled the milestone: who decided, and the decision in words. */
  decision: z.object({ disputeId: z.string(), by: z.enum(["support", "default"]), text: z.string() }).nullable(),
  /** Set when the client paid in another currency: what was charged (and given back) in it, at the locked rate. */
  charged: z
    .object({
      amount: z.number().int(),
      currency: z.string(),
      rate: z.string(),
      rateFetchedAt: timestampSchema,
      refunded: z.number().int(),
    })
    .nullable(),
  funds: heldFundsSchema,
  submissionMessage: z.string().nullable(),
  /** Handed in with the latest submission; name, type and size are there when the server looked them up. */
  submissionFiles: z.array(fileViewSchema.partial().required({ key: true })),
  changesMessage: z.string().nullable(),
  fundedAt: timestampSchema.nullable(),
  submittedAt: timestampSchema.nullable(),
  approvedAt: timestampSchema.nullable(),
  autoApproved: z.boolean(),
  autoApproveAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const milestoneViewShape: SameShape<MilestoneView, z.infer<typeof milestoneViewSchema>> = true;

/** A paid release given back to the client: the ledger transaction that did it, and how much. */
export const releaseReversalSchema = z.object({ transactionId: z.string(), amount: z.number().int(), currency: z.string() });

export const releaseReversalShape: SameShape<Omit<ReverseResult, "replayed">, z.infer<typeof releaseReversalSchema>> = true;
