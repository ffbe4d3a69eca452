import { z } from "zod";
import type { BudgetType } from "../../../db/schema/values";
import { amountSchema, fileKeysSchema } from "../projects/input";

export const MAX_MILESTONES = 20;
export const MIN_COVER_LETTER_CHARS = 100;
export const COVER_LETTER_TOO_SHORT = `Write at least ${MIN_COVER_LETTER_CHARS} characters about how you would do this work.`;
export const MAX_ESTIMATED_DAYS = 3650;
export const MIN_WEEKLY_HOURS = 1;
export const MAX_WEEKLY_HOURS_BID = 80;
export const WEEKLY_HOURS_REQUIRED = "Enter the hours a week you can give this project.";
export const WEEKLY_HOURS_FOR_HOURLY = "Weekly hours are for hourly projects; give the days the work takes instead.";
export const ESTIMATED_DAYS_REQUIRED = "Enter how many days the work takes.";

/** A real letter: 100+ characters once trimmed (the spam guard in quality.ts also refuses near copies). */
export const coverLetterSchema = z
  .string({ error: "Write a cover letter." })
  .trim()
  .min(MIN_COVER_LETTER_CHARS, COVER_LETTER_TOO_SHORT)
  .max(10_000, "Use at most 10,000 characters.");

/** How long fixed-price work takes, in days. */
export const estimatedDaysSchema = z
  .number({ error: ESTIMATED_DAYS_REQUIRED })
  .int("Use whole days.")
  .min(1, "At least 1 day.")
  .max(MAX_ESTIMATED_DAYS, `At most ${MAX_ESTIMATED_DAYS} days.`);

/** The hours a week an hourly bid offers. */
export const weeklyHoursSchema = z
  .number({ error: WEEKLY_HOURS_REQUIRED })
  .int("Use whole hours.")
  .min(MIN_WEEKLY_HOURS, `At least ${MIN_WEEKLY_HOURS} hour a week.`)
  .max(MAX_WEEKLY_HOURS_BID, `At most ${MAX_WEEKLY_HOURS_BID} hours a week.`);

/** A bid's days and weekly hours as fields; which one a bid needs depends on the budget type (requireBidTerms). */
export const bidTermsFields = { estimatedDays: estimatedDaysSchema.nullish(), weeklyHours: weeklyHoursSchema.nullish() };

/**
 * What a bid promises besides its amount, by the project's budget type: a fixed-price bid says how many days the
 * work takes; an hourly bid (its amount is the rate) says how many hours a week the freelancer offers, and may
 * still say how long the engagement runs. Weekly hours on a fixed-price bid are refused, not silently dropped.
 * A refinement for any object schema holding bidTermsFields (the API's input, the web forms).
 */
export function requireBidTerms(budgetType: BudgetType) {
  return (terms: { estimatedDays?: number | null; weeklyHours?: number | null }, ctx: z.RefinementCtx) => {
    if (budgetType === "hourly" && terms.weeklyHours == null) {
      ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: WEEKLY_HOURS_REQUIRED });
    }
    if (budgetType === "fixed" && terms.estimatedDays == null) {
      ctx.addIssue({ code: "custom", path: ["estimatedDays"], message: ESTIMATED_DAYS_REQUIRED });
    }
    if (budgetType === "fixed" && terms.weeklyHours != null) {
      ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: WEEKLY_HOURS_FOR_HOURLY });
    }
  };
}

export const bidTermsSchema = (budgetType: BudgetType) => z.object(bidTermsFields).superRefine(requireBidTerms(budgetType));
export type BidTerms = { estimatedDays: number | null; weeklyHours: number | null };

export const milestonePlanSchema = z
  .array(z.object({ title: z.string().trim().min(1).max(120), amount: amountSchema }))
  .min(1)
  .max(MAX_MILESTONES);

/** A proposal as the API takes it; which of estimatedDays and weeklyHours is required follows bidTermsSchema. */
export const proposalInputSchema = z.object({
  coverLetter: coverLetterSchema,
  bidAmount: amountSchema.describe("The total price on a fixed-price project, the hourly rate on an hourly one (minor units)"),
  estimatedDays: estimatedDaysSchema.nullish().describe("Days the work takes: required on fixed-price projects, optional on hourly ones"),
  weeklyHours: weeklyHoursSchema
    .nullish()
    .describe(
      `Hours a week offered (${MIN_WEEKLY_HOURS}–${MAX_WEEKLY_HOURS_BID}): required on hourly projects, refused on fixed-price ones`,
    ),
  milestones: milestonePlanSchema.nullable().optional(),
  attachments: fileKeysSchema.optional(),
});

export const proposalPatchSchema = proposalInputSchema.partial();
export const declineSchema = z.object({ reason: z.string().trim().max(1000).optional() });

export type ProposalInput = z.input<typeof proposalInputSchema>;
export type ProposalPatch = z.input<typeof proposalPatchSchema>;
