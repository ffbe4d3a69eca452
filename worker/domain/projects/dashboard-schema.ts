import { z } from "zod";
import { PROPOSAL_STATUSES } from "../../../db/schema";
import { timestampSchema, type SameShape } from "../shared/views";
import type { ClientDashboard } from "./dashboard";
import type { ProposalCounts } from "./dashboard-counts";
import { projectViewSchema } from "./view-schema";

/** Proposals on one project by status; `capped` when there are more than the dashboard counts. */
export const proposalCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  shortlisted: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  withdrawn: z.number().int(),
  capped: z.boolean(),
});

const CLIENT_STATS = ["openProjects", "closedProjects", "proposalsReceived", "awaitingDecision", "hires"] as const;

/** The client's overview: capped counts, the latest projects with their proposal counts, the latest proposals received. */
export const clientDashboardSchema = z.object({
  stats: z.object(Object.fromEntries(CLIENT_STATS.map((k) => [k, z.number().int()])) as Record<(typeof CLIENT_STATS)[number], z.ZodNumber>),
  /** Counts that reached the cap (shown as "1,000+"). */
  cappedStats: z.array(z.enum(CLIENT_STATS)),
  projects: z.array(projectViewSchema.extend({ proposalCounts: proposalCountsSchema })),
  recentActivity: z.array(
    z.object({
      type: z.literal("proposal_received"),
      at: timestampSchema,
      proposalId: z.string(),
      status: z.string().describe(PROPOSAL_STATUSES.join(", ")),
      project: z.object({ id: z.string(), title: z.string() }),
      freelancer: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
});

export const proposalCountsShape: SameShape<ProposalCounts, z.infer<typeof proposalCountsSchema>> = true;
export const clientDashboardShape: SameShape<ClientDashboard, z.infer<typeof clientDashboardSchema>> = true;
