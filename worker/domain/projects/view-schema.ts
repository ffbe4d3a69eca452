import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_DURATIONS, PROJECT_STATUSES, PROJECT_VISIBILITIES } from "../../../db/schema";
import { fileViewSchema } from "../shared/file-view-schema";
import { personSummarySchema, timestampSchema, type SameShape } from "../shared/views";
import type { ProjectView } from "./views";

/** A project as every list and page of the API shows it. */
export const projectViewSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  client: personSummarySchema,
  title: z.string(),
  description: z.string(),
  category: z.string(),
  categoryName: z.string(),
  skills: z.array(z.object({ slug: z.string(), name: z.string() })),
  budgetType: z.enum(BUDGET_TYPES),
  budgetMin: z.number().int(),
  budgetMax: z.number().int(),
  currency: z.string(),
  duration: z.enum(PROJECT_DURATIONS).nullable(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS),
  visibility: z.enum(PROJECT_VISIBILITIES),
  status: z.enum(PROJECT_STATUSES),
  attachments: z.array(fileViewSchema),
  /** Proposals that were not withdrawn, counted up to a cap (see proposalCountCapped). */
  proposalCount: z.number().int(),
  /** True when there are more proposals than the cap: the count means "at least". */
  proposalCountCapped: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
});

export const projectViewShape: SameShape<ProjectView, z.infer<typeof projectViewSchema>> = true;
