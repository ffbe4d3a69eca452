import { PROJECT_STATUSES } from "../../../db/schema/values";

/** How project search can order its results. */
export const PROJECT_SORTS = ["relevance", "newest", "budget"] as const;
/** Search shows open projects unless asked for another status, or for every status ("any"). */
export const PROJECT_SEARCH_STATUSES = [...PROJECT_STATUSES, "any"] as const;
