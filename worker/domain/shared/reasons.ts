import { z } from "zod";

export const ADMIN_REASON_MIN_CHARS = 3;
export const ADMIN_REASON_MAX_CHARS = 500;

/** Every admin action states why (blocks, holds, hiding, moderation); the reason goes to the audit log and the person. */
export const adminReason = z
  .string({ error: `Give a reason (at least ${ADMIN_REASON_MIN_CHARS} characters).` })
  .trim()
  .min(ADMIN_REASON_MIN_CHARS, { message: `Give a reason (at least ${ADMIN_REASON_MIN_CHARS} characters).` })
  .max(ADMIN_REASON_MAX_CHARS, { message: `Keep the reason under ${ADMIN_REASON_MAX_CHARS} characters.` });

export const MONEY_REASON_MAX_CHARS = 500;

/** Moving held money by hand (a release, a refund, a reversal) names why, for both sides and the ledger. */
export const moneyReason = z
  .string()
  .trim()
  .min(1, { message: "Give a reason." })
  .max(MONEY_REASON_MAX_CHARS, { message: `Keep the reason under ${MONEY_REASON_MAX_CHARS} characters.` });
