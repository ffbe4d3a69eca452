import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { timestampSchema, type SameShape } from "../shared/views";

/** What the browser's WebAuthn calls take, as JSON (W3C WebAuthn level 3, `...OptionsJSON`). */
const base64url = z.string();
const transports = z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]));
const credentialDescriptor = z.object({ id: base64url, type: z.literal("public-key"), transports: transports.optional() });
const userVerification = z.enum(["discouraged", "preferred", "required"]);
const hints = z.array(z.enum(["hybrid", "security-key", "client-device"]));
const extensions = z.object({
  appid: z.string().optional(),
  credProps: z.boolean().optional(),
  hmacCreateSecret: z.boolean().optional(),
  minPinLength: z.boolean().optional(),
});

/** Options for `navigator.credentials.create()` to add a passkey. */
export const passkeyCreationOptionsSchema = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: base64url, name: z.string(), displayName: z.string() }),
  challenge: base64url,
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal("public-key") })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(credentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(["cross-platform", "platform"]).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(["discouraged", "preferred", "required"]).optional(),
      userVerification: userVerification.optional(),
    })
    .optional(),
  hints: hints.optional(),
  attestation: z.enum(["direct", "enterprise", "indirect", "none"]).optional(),
  attestationFormats: z.array(z.enum(["fido-u2f", "packed", "android-safetynet", "android-key", "tpm", "apple", "none"])).optional(),
  extensions: extensions.optional(),
});

/** Options for `navigator.credentials.get()`, plus the id of the challenge to send back with the answer. */
export const passkeyRequestOptionsSchema = z.object({
  challenge: base64url,
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptor).optional(),
  userVerification: userVerification.optional(),
  hints: hints.optional(),
  extensions: extensions.optional(),
});
export const passkeyChallengeSchema = passkeyRequestOptionsSchema.extend({ challengeId: z.string() });

/** A passkey as the security page lists it. */
export const passkeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
});
export type PasskeyView = z.infer<typeof passkeyViewSchema>;

export const passkeyCreationOptionsShape: SameShape<
  PublicKeyCredentialCreationOptionsJSON,
  z.infer<typeof passkeyCreationOptionsSchema>
> = true;
export const passkeyRequestOptionsShape: SameShape<
  PublicKeyCredentialRequestOptionsJSON,
  z.infer<typeof passkeyRequestOptionsSchema>
> = true;
