import { z } from "zod";
import type { FraudAlertStatus } from "../../../db/schema/values";

/**
 * The trust area's inputs and choices that pages show as well as the domain checks: free of the database, so the
 * admin and appeal pages import them without shipping queries or table definitions to the browser.
 */
export const ALERT_DECISIONS = ["resolved", "false_positive", "investigating"] as const satisfies readonly FraudAlertStatus[];
export type AlertDecision = (typeof ALERT_DECISIONS)[number];

/** What an admin can answer to an account appeal. */
export const APPEAL_DECISIONS = ["accept", "reject"] as const;

export const REVIEW_MODERATION_STATUSES = ["visible", "hidden"] as const;
export type ReviewModerationStatus = (typeof REVIEW_MODERATION_STATUSES)[number];

export const appealInputSchema = z.object({
  email: z.email({ error: "Enter the email address of the blocked account." }).max(254),
  message: z
    .string({ error: "Tell us why the block should be lifted." })
    .trim()
    .min(20, { error: "Tell us in a few sentences why the block should be lifted (at least 20 characters)." })
    .max(5000, { error: "Keep the appeal under 5,000 characters." }),
});
