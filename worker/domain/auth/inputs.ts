import { z } from "zod";
import type { Role } from "../../../db/schema/values";

export const EMAIL_MAX_CHARS = 254;
export const ACCOUNT_NAME_MAX_CHARS = 100;

/** The roles a person may choose when signing up (admins are granted, never chosen). */
export const SIGNUP_ROLES = ["client", "freelancer"] as const satisfies readonly Role[];

export const emailAddress = z
  .email({ error: "Enter a valid email address." })
  .max(EMAIL_MAX_CHARS, `Use at most ${EMAIL_MAX_CHARS} characters.`);
export const accountName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(ACCOUNT_NAME_MAX_CHARS, `Use at most ${ACCOUNT_NAME_MAX_CHARS} characters.`);
