import { z } from "zod";
import { BUDGET_TYPES, CONTRACT_STATUSES, PROJECT_STATUSES, PROPOSAL_STATUSES } from "../../../db/schema";
import { fileViewSchema } from "../shared/file-view-schema";
import { timestampSchema, type SameShape } from "../shared/views";
import type { ContractView as ContractDraftView } from "./decide";
import type { Ranking } from "./ranking";
import type { ProposalView } from "./views";
import { MY_PROPOSAL_STAGES, type MyProposalItem } from "./mine";

export const proposalViewSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  project: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.enum(PROJECT_STATUSES),
      budgetType: z.enum(BUDGET_TYPES),
      budgetMin: z.number().int(),
      budgetMax: z.number().int(),
      currency: z.string(),
    })
    .nullable(),
  freelancerId: z.string(),
  freelancer: z.object({ id: z.string(), name: z.string(), handle: z.string().nullable(), photoUrl: z.url().nullable() }),
  coverLetter: z.string(),
  bidAmount: z.number().int().describe("The total price on a fixed-price project, the hourly rate on an hourly one (minor units)"),
  currency: z.string(),
  estimatedDays: z.number().int().nullable().describe("Days the work takes: set on fixed-price bids, optional on hourly ones"),
  weeklyHours: z.number().int().nullable().describe("Hours a week an hourly bid offers; null on fixed-price bids"),
  milestones: z.array(z.object({ title: z.string(), amount: z.number().int() })).nullable(),
  attachments: z.array(fileViewSchema),
  status: z.enum(PROPOSAL_STATUSES),
  declineReason: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  decidedAt: timestampSchema.nullable(),
});

/** How a proposal ranks for the client (0-1 factors, the score out of 100). */
export const rankingSchema = z.object({ score: z.number(), skillOverlap: z.number(), bidFit: z.number(), rating: z.number() });

export const rankedProposalSchema = proposalViewSchema.extend({ ranking: rankingSchema });

/** The offer an accepted proposal becomes, as the accept answer shows it. */
export const contractDraftSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  clientId: z.string(),
  freelancerId: z.string(),
  proposalId: z.string(),
  status: z.string().describe(CONTRACT_STATUSES.join(", ")),
  amount: z.number().int(),
  currency: z.string(),
  createdAt: timestampSchema,
});

export const proposalViewShape: SameShape<ProposalView, z.infer<typeof proposalViewSchema>> = true;
export const rankingShape: SameShape<Ranking, z.infer<typeof rankingSchema>> = true;
export const contractDraftShape: SameShape<ContractDraftView, z.infer<typeof contractDraftSchema>> = true;

/** A freelancer's own proposal in "My proposals": its stage and, once hired, its contract. */
export const myProposalItemSchema = proposalViewSchema.extend({
  stage: z.enum(MY_PROPOSAL_STAGES),
  contract: z.object({ id: z.string(), status: z.string() }).nullable(),
});
export const myProposalItemShape: SameShape<MyProposalItem, z.infer<typeof myProposalItemSchema>> = true;
