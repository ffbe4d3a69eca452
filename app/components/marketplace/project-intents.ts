import { z } from "zod";
import { coverLetterSchema } from "../../../worker/domain/proposals/input";

const proposalId = z.string().min(1).max(64);

/** A proposal's fields as typed: the bid in major units of the project's currency. */
export const proposalFields = {
  coverLetter: coverLetterSchema,
  bidAmount: z
    .string({ error: "Enter your bid." })
    .trim()
    .min(1, "Enter your bid.")
    .max(20, "That amount is too long.")
    .regex(/^[\d,]+(\.\d*)?$/, "Enter a plain amount, like 1500 or 1500.50."),
  estimatedDays: z
    .number({ error: "Enter how many days the work takes." })
    .int("Use whole days.")
    .min(1, "At least 1 day.")
    .max(3650, "At most 3650 days."),
};

/** Every button on a project page, told apart by its `intent`. Amounts arrive in major units as typed. */
export const projectPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send-proposal"), ...proposalFields }),
  z.object({ intent: z.literal("accept"), proposalId }),
  z.object({ intent: z.literal("decline"), proposalId, reason: z.string().trim().max(1000, "Use at most 1,000 characters.").optional() }),
  z.object({ intent: z.literal("shortlist"), proposalId }),
  z.object({ intent: z.literal("save") }),
  z.object({ intent: z.literal("unsave") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen") }),
]);

export type ProjectPageIntent = z.infer<typeof projectPageSchema>;
