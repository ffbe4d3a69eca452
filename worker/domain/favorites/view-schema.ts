import { z } from "zod";
import { FAVORITE_TYPES } from "../../../db/schema";
import { freelancerSummarySchema } from "../profiles/view-schema";
import { projectViewSchema } from "../projects/view-schema";
import { pageSchema, timestampSchema, type SameShape } from "../shared/views";
import type { SavedFreelancer, SavedProject, saveProject, unsaveProject } from "./favorites";

export const favoriteSchema = z.object({ type: z.enum(FAVORITE_TYPES), id: z.string(), savedAt: timestampSchema });
export const savedProjectSchema = z.object({ savedAt: timestampSchema, project: projectViewSchema });
export const savedFreelancerSchema = z.object({ savedAt: timestampSchema, freelancer: freelancerSummarySchema });
/** `?type=projects` lists saved projects, `?type=freelancers` saved freelancers. */
export const favoritesPageSchema = z.union([pageSchema(savedProjectSchema), pageSchema(savedFreelancerSchema)]);
export const unsavedSchema = z.object({ removed: z.boolean() });

export const savedProjectShape: SameShape<SavedProject, z.infer<typeof savedProjectSchema>> = true;
export const savedFreelancerShape: SameShape<SavedFreelancer, z.infer<typeof savedFreelancerSchema>> = true;
export const favoriteShape: SameShape<Awaited<ReturnType<typeof saveProject>>["favorite"], z.infer<typeof favoriteSchema>> = true;
export const unsavedShape: SameShape<Awaited<ReturnType<typeof unsaveProject>>, z.infer<typeof unsavedSchema>> = true;
