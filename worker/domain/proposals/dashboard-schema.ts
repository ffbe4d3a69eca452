import { z } from "zod";
import { projectViewSchema } from "../projects/view-schema";
import type { SameShape } from "../shared/views";
import type { FreelancerDashboard } from "./dashboard";
import { proposalViewSchema } from "./view-schema";

const STATS = ["total", "pending", "shortlisted", "accepted", "declined", "withdrawn"] as const;

/** The freelancer's overview: proposals by status, the latest proposals, projects sharing their skills. */
export const freelancerDashboardSchema = z.object({
  stats: z.object(Object.fromEntries(STATS.map((k) => [k, z.number().int()])) as Record<(typeof STATS)[number], z.ZodNumber>),
  /** False until the freelancer has filled in a profile. */
  hasProfile: z.boolean(),
  proposals: z.array(proposalViewSchema),
  recommendedProjects: z.array(projectViewSchema.extend({ matchedSkills: z.number().int() })),
});

export const freelancerDashboardShape: SameShape<FreelancerDashboard, z.infer<typeof freelancerDashboardSchema>> = true;
