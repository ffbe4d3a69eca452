import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

/** What a browser's WebAuthn calls return, as JSON (the shape of @simplewebauthn/browser's output). */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: "Must be base64url." });

// Credential ids are at most 1023 bytes (WebAuthn §5.8.3), so at most 1364 base64url characters.
export const credentialId = base64url(1400);
const blob = base64url(16_384);
const clientExtensionResults = z.record(z.string(), z.unknown()).default({});
const authenticatorAttachment = z.enum(["platform", "cross-platform"]).optional();

export const passkeyName = z
  .string()
  .trim()
  .min(1, { message: "Give the passkey a name." })
  .max(64, { message: "Use at most 64 characters." });

export const registrationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: blob,
    attestationObject: blob,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults,
  authenticatorAttachment,
});

export const authenticationResponseSchema = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: blob,
    authenticatorData: blob,
    signature: base64url(1024),
    userHandle: base64url(1024).nullish(),
  }),
  clientExtensionResults,
  authenticatorAttachment,
});

export const challengeId = z.string().min(1).max(64);

export type RegistrationResponseInput = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponseInput = z.infer<typeof authenticationResponseSchema>;

/** What the domain accepts: a body parsed with the schemas above, or the library's own JSON type. */
export type RegistrationAnswer = RegistrationResponseInput | RegistrationResponseJSON;
export type AuthenticationAnswer = AuthenticationResponseInput | AuthenticationResponseJSON;
