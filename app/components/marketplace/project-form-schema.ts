import { z } from "zod";
import { BUDGET_TYPES, EXPERIENCE_LEVELS, PROJECT_VISIBILITIES } from "../../../db/schema/values";
import { AppError } from "../../../worker/domain/errors";
import { projectDescription, type ProjectInput } from "../../../worker/domain/projects/input";
import { toMinorUnits } from "../../utils/money";

const majorAmount = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .max(20, "That amount is too long.")
    .regex(/^[\d,]+(\.\d*)?$/, "Enter a plain amount, like 500 or 1500.50.");

/** The post/edit project form. Budgets are typed in major units; skills as comma-separated names. */
export const projectFormSchema = z.object({
  title: z
    .string({ error: "Give the project a title." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(150, "Use at most 150 characters."),
  description: projectDescription,
  category: z.string({ error: "Choose a category." }).min(1).max(64),
  skills: z.string({ error: "Name at least one skill." }).trim().min(1, "Name at least one skill.").max(1000),
  budgetType: z.enum(BUDGET_TYPES, { error: "Choose fixed price or hourly." }),
  budgetMin: majorAmount("minimum budget"),
  budgetMax: majorAmount("maximum budget"),
  currency: z.string({ error: "Choose a currency." }).length(3),
  experienceLevel: z.enum(EXPERIENCE_LEVELS),
  visibility: z.enum(PROJECT_VISIBILITIES),
});

export type ProjectFormValue = z.infer<typeof projectFormSchema>;

/** Form values to the domain's input: amounts to integer minor units of the chosen currency. */
export function toProjectInput(value: ProjectFormValue): ProjectInput {
  const budgetMin = toMinorUnits(value.budgetMin, value.currency);
  const budgetMax = toMinorUnits(value.budgetMax, value.currency);
  const fields: Record<string, string[]> = {};
  const wrong = `Use a positive amount with at most the decimals ${value.currency} has.`;
  if (budgetMin === null || budgetMin < 1) fields.budgetMin = [wrong];
  if (budgetMax === null || budgetMax < 1) fields.budgetMax = [wrong];
  if (Object.keys(fields).length > 0 || budgetMin === null || budgetMax === null) {
    throw new AppError(422, "invalid_amount", "Check the budget amounts.", fields);
  }
  return {
    title: value.title,
    description: value.description,
    category: value.category,
    skills: value.skills
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    budgetType: value.budgetType,
    budgetMin,
    budgetMax,
    currency: value.currency,
    experienceLevel: value.experienceLevel,
    visibility: value.visibility,
  };
}
