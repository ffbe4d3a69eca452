import { z } from "zod";
import { DISPUTE_OUTCOMES, DISPUTE_PARTY_ROLES, DISPUTE_STATUSES } from "../../../db/schema";
import { fileViewSchema } from "../shared/file-view-schema";
import { pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { DisputeView } from "./view";

/** A dispute over one milestone: both statements with their evidence, and the decision once made. */
export const disputeViewSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  milestoneId: z.string(),
  milestoneTitle: z.string(),
  projectTitle: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  openedBy: z.string(),
  openerRole: z.enum(DISPUTE_PARTY_ROLES),
  reason: z.string(),
  evidence: z.array(fileViewSchema),
  amount: z.number().int(),
  currency: z.string(),
  responseDueAt: timestampSchema,
  response: z
    .object({ statement: z.string(), evidence: z.array(fileViewSchema), respondedBy: z.string().nullable(), respondedAt: timestampSchema })
    .nullable(),
  decisionDueAt: timestampSchema.nullable(),
  resolution: z
    .object({
      outcome: z.enum(DISPUTE_OUTCOMES),
      /** The outcome in the words of the milestone's state. */
      label: z.string(),
      /** The decision in one sentence, the same on the contract page, in notifications and e-mails. */
      text: z.string(),
      freelancerPercent: z.number().int().nullable(),
      releasedAmount: z.number().int(),
      fee: z.number().int(),
      freelancerNet: z.number().int(),
      refundedAmount: z.number().int(),
      note: z.string().nullable(),
      byDefault: z.boolean(),
      resolvedBy: z.string().nullable(),
      resolvedAt: timestampSchema,
    })
    .nullable(),
  viewerRole: z.enum(["client", "freelancer", "admin"]),
  /** True when the viewer is the side that still has to answer, in time. */
  canRespond: z.boolean(),
  createdAt: timestampSchema,
});
export const disputesPageSchema = pageSchema(disputeViewSchema);

export const disputeViewShape: SameShape<DisputeView, z.infer<typeof disputeViewSchema>> = true;
