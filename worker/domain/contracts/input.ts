import { z } from "zod";
import { MAX_AMOUNT_MINOR } from "../contract-core/terms";

/** Integer minor units (cents for USD), never a float. */
export const amountSchema = z
  .number({ message: "Enter an amount in minor units (e.g. cents)." })
  .int({ message: "Amounts are whole minor units (e.g. cents), not decimals." })
  .positive({ message: "The amount must be more than zero." })
  .max(MAX_AMOUNT_MINOR, { message: "That amount is too large." });

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-12-31." })
  .refine(isCalendarDate, { message: "That is not a real date." });

export const CONTRACT_REASON_MAX = 1000;

/** Ending a contract says why; both sides see it. */
export const endReason = z.string().trim().min(1, { message: "Say why the contract ends." }).max(CONTRACT_REASON_MAX);
/** A freelancer may say why an offer is declined. */
export const declineReason = z.string().trim().max(CONTRACT_REASON_MAX);
