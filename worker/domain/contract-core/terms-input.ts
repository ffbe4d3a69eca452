import { z } from "zod";
import { MAX_WEEKLY_HOURS } from "./terms";

/** An hourly contract's cap on the hours billed in one week. */
export const weeklyHourLimit = z
  .number({ error: "Enter the weekly limit in hours." })
  .int("Use whole hours.")
  .min(1, "At least 1 hour a week.")
  .max(MAX_WEEKLY_HOURS, `At most ${MAX_WEEKLY_HOURS} hours a week.`);
