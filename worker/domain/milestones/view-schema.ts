import { z } from "zod";
import { MILESTONE_STATUSES } from "../../../db/schema";
import { fileViewSchema } from "../files/view-schema";
import { timestampSchema, type SameShape } from "../views";
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
