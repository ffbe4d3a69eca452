import type { Contract, ContractType } from "../../../db/schema";
import { AppError, type FieldErrors } from "../errors";

export const MAX_WEEKLY_HOURS = 168;
/** 100 million in the currency's major unit at two decimals: far above any real contract. */
export const MAX_AMOUNT_MINOR = 10_000_000_000;

export interface ContractTerms {
  type: ContractType;
  /** The fixed price (null for hourly contracts). */
  amount: number | null;
  hourlyRate: number | null;
  /** Null: no weekly limit. */
  weeklyHourLimit: number | null;
  startDate: string | null;
}

/** A fresh offer follows its project's budget type, and its `amount` is the proposal's bid (price or rate). */
export function resolveTerms(contract: Contract, projectBudgetType: ContractType): ContractTerms {
  const type = contract.type ?? projectBudgetType;
  if (type === "hourly") {
    return {
      type,
      amount: null,
      hourlyRate: contract.hourlyRate ?? contract.amount,
      weeklyHourLimit: contract.weeklyHourLimit,
      startDate: contract.startDate,
    };
  }
  return { type, amount: contract.amount, hourlyRate: null, weeklyHourLimit: null, startDate: contract.startDate };
}

export type TermsChange = Partial<ContractTerms>;

/** Merges a change into the current terms and checks the result is a complete, sensible set. */
export function mergeTerms(current: ContractTerms, change: TermsChange): ContractTerms {
  const type = change.type ?? current.type;
  const switched = type !== current.type;
  const pick = (key: "amount" | "hourlyRate" | "weeklyHourLimit"): number | null =>
    change[key] !== undefined ? (change[key] ?? null) : switched ? null : current[key];
  const fields: FieldErrors = {};
  const merged: ContractTerms =
    type === "fixed"
      ? {
          type,
          amount: pick("amount"),
          hourlyRate: null,
          weeklyHourLimit: null,
          startDate: change.startDate !== undefined ? change.startDate : current.startDate,
        }
      : {
          type,
          amount: null,
          hourlyRate: pick("hourlyRate"),
          weeklyHourLimit: pick("weeklyHourLimit"),
          startDate: change.startDate !== undefined ? change.startDate : current.startDate,
        };
  if (type === "fixed" && !merged.amount) fields.amount = ["A fixed-price contract needs a price."];
  if (type === "hourly" && !merged.hourlyRate) fields.hourlyRate = ["An hourly contract needs an hourly rate."];
  if (type === "fixed" && (change.hourlyRate != null || change.weeklyHourLimit != null)) {
    fields.type = ["Hourly rate and weekly limit only apply to hourly contracts."];
  }
  if (type === "hourly" && change.amount != null) fields.type = ["A fixed price only applies to fixed-price contracts."];
  if (Object.keys(fields).length > 0)
    throw new AppError(422, "validation_failed", "Some terms are missing or do not fit together.", fields);
  return merged;
}

/** The contract columns that store a set of terms. `amount` keeps the headline figure (price or rate). */
export function termsColumns(terms: ContractTerms) {
  return {
    type: terms.type,
    amount: terms.type === "fixed" ? (terms.amount as number) : (terms.hourlyRate as number),
    hourlyRate: terms.hourlyRate,
    weeklyHourLimit: terms.weeklyHourLimit,
    startDate: terms.startDate,
  };
}
