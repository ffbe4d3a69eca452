import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../../worker/domain/auth/common-passwords";
import { passkeyName } from "../../../worker/domain/auth/passkeys-schema";

const code = z
  .string({ error: "Enter a code." })
  .trim()
  .min(6, "Codes have at least 6 characters.")
  .max(32, "That is too long for a code.");

/** Every form on the security page, told apart by its `intent` button. */
export const securitySchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change-password"),
    currentPassword: z.string({ error: "Enter your current password." }).max(MAX_PASSWORD_LENGTH),
    newPassword: z
      .string({ error: "Choose a new password." })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
  }),
  z.object({ intent: z.literal("totp-begin") }),
  z.object({ intent: z.literal("totp-confirm"), code, secret: z.string().max(128), otpauthUrl: z.string().max(1024) }),
  z.object({ intent: z.literal("totp-disable"), code }),
  z.object({ intent: z.literal("backup-codes") }),
  z.object({ intent: z.literal("session-revoke"), sessionId: z.string().min(1).max(64) }),
  z.object({
    intent: z.literal("reauthenticate"),
    password: z.string({ error: "Enter your password." }).max(MAX_PASSWORD_LENGTH),
    code: z.string().trim().max(32).optional(),
  }),
  z.object({ intent: z.literal("passkey-begin") }),
  z.object({
    intent: z.literal("passkey-finish"),
    // A missing name is an empty one: the domain's rule says what to do.
    name: z.preprocess((value) => value ?? "", passkeyName),
    response: z.string().min(2).max(40_000),
  }),
  z.object({ intent: z.literal("passkey-remove"), passkeyId: z.string().min(1).max(1400) }),
]);

export type SecurityIntent = z.infer<typeof securitySchema>["intent"];

export type TotpSetup = { secret: string; otpauthUrl: string; qrSvg: string };

/** What the action answers; each card reads the answer to its own intents. */
export interface SecurityActionData {
  intent: SecurityIntent | null;
  result: SubmissionResult<string[]>;
  code?: string;
  notice?: string;
  setup?: TotpSetup;
  backupCodes?: string[];
  passkeyOptions?: unknown;
}

export const SECRET_FIELDS = ["currentPassword", "newPassword", "password", "code"];
