import { z } from "zod";
import type { BudgetType } from "../../../db/schema/values";
import { bidTermsFields, coverLetterSchema, requireBidTerms } from "../../../worker/domain/proposals/input";

const proposalId = z.string().min(1).max(64);

/**
 * A proposal's fields as typed: the bid in major units of the project's currency (the rate on an hourly project),
 * and the days (fixed price) or hours a week (hourly) the domain's bidTermsSchema asks of that budget type.
 */
export function proposalFields(budgetType: BudgetType) {
  return {
    coverLetter: coverLetterSchema,
    bidAmount: z
      .string({ error: budgetType === "hourly" ? "Enter your hourly rate." : "Enter your bid." })
      .trim()
      .min(1, budgetType === "hourly" ? "Enter your hourly rate." : "Enter your bid.")
      .max(20, "That amount is too long.")
      .regex(/^[\d,]+(\.\d*)?$/, "Enter a plain amount, like 1500 or 1500.50."),
    ...bidTermsFields,
  };
}

/** Every button on a project page, told apart by its `intent`. Amounts arrive in major units as typed. */
export const projectPageSchema = (budgetType: BudgetType) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("send-proposal"), ...proposalFields(budgetType) }).superRefine(requireBidTerms(budgetType)),
    z.object({ intent: z.literal("accept"), proposalId }),
    z.object({ intent: z.literal("decline"), proposalId, reason: z.string().trim().max(1000, "Use at most 1,000 characters.").optional() }),
    z.object({ intent: z.literal("shortlist"), proposalId }),
    z.object({ intent: z.literal("save") }),
    z.object({ intent: z.literal("unsave") }),
    z.object({ intent: z.literal("close") }),
    z.object({ intent: z.literal("reopen") }),
  ]);

export type ProjectPageIntent = z.infer<ReturnType<typeof projectPageSchema>>;
