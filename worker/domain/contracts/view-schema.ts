import { z } from "zod";
import { CONTRACT_STATUSES, CONTRACT_TYPES } from "../../../db/schema";
import { heldFundsSchema, milestoneViewSchema } from "../milestones/view-schema";
import { personSummarySchema, timestampSchema, type SameShape } from "../shared/views";
import type { ContractDetailView, ContractView } from "./view";

const partyRoleSchema = z.enum(["client", "freelancer"]);
/** A party to the contract, with the photo pages show beside their name and their local zone (null when not known). */
const partySummarySchema = personSummarySchema.extend({ photoUrl: z.url().nullable(), timeZone: z.string().nullable() });

/** A contract with its terms and held funds, as lists and the contract page show it. */
export const contractViewSchema = z.object({
  id: z.string(),
  /** The offer's title, or the project's for offers made by accepting a proposal. */
  title: z.string(),
  offerMessage: z.string().nullable(),
  status: z.string().describe(CONTRACT_STATUSES.join(", ")),
  type: z.enum(CONTRACT_TYPES),
  amount: z.number().int().nullable(),
  hourlyRate: z.number().int().nullable(),
  weeklyHourLimit: z.number().int().nullable(),
  startDate: z.string().nullable(),
  currency: z.string(),
  project: z.object({ id: z.string(), title: z.string() }),
  proposalId: z.string(),
  client: partySummarySchema,
  freelancer: partySummarySchema,
  viewerRole: partyRoleSchema,
  funds: heldFundsSchema,
  createdAt: timestampSchema,
  acceptedAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
  updatedAt: timestampSchema,
});

/** One line of a contract's history (offered, funded, submitted, ...). */
export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  actorId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestampSchema,
});

export const contractDetailViewSchema = contractViewSchema.extend({
  milestones: z.array(milestoneViewSchema),
  timeline: z.array(timelineEntrySchema),
});

export const contractViewShape: SameShape<ContractView, z.infer<typeof contractViewSchema>> = true;
export const contractDetailViewShape: SameShape<ContractDetailView, z.infer<typeof contractDetailViewSchema>> = true;
