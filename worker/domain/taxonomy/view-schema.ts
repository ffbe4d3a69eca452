import { z } from "zod";
import { countedPageSchema, pageSchema, type Resolved, type SameShape } from "../shared/views";
import type { listCategories, listSkills, suggestSkills } from "./taxonomy";

/** A project category with the number of skills filed under it. */
export const categoryViewSchema = z.object({ slug: z.string(), name: z.string(), description: z.string(), skillCount: z.number().int() });
export const categoriesPageSchema = countedPageSchema(categoryViewSchema);

/** A skill as pickers list it. */
export const skillSummarySchema = z.object({ slug: z.string(), name: z.string(), category: z.string() });
/** A typeahead match: `matched` is the name, slug or alias that `q` matched. */
export const skillSuggestionSchema = skillSummarySchema.extend({ matched: z.string() });
const skillListSchema = pageSchema(skillSummarySchema);
/** With `q`, typeahead matches on one page; without, the paged list. */
export const skillsPageSchema = z.union([pageSchema(skillSuggestionSchema), skillListSchema]);

export const categoryViewShape: SameShape<Resolved<typeof listCategories>[number], z.infer<typeof categoryViewSchema>> = true;
export const skillSuggestionShape: SameShape<Resolved<typeof suggestSkills>[number], z.infer<typeof skillSuggestionSchema>> = true;
export const skillListShape: SameShape<Resolved<typeof listSkills>, z.infer<typeof skillListSchema>> = true;
