import { z } from "zod";
import { ROLES } from "../../../db/schema";
import { timestampSchema, type SameShape } from "../shared/views";
import type { TokenPair } from "./api-tokens";
import type { beginTotpSetup, MfaMethods } from "./mfa";

/** The public shape of a user: never the password hash or internal flags. */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  emailVerified: z.boolean(),
  /** The IANA zone chosen in settings; null follows the browser's zone. */
  timeZone: z.string().nullable(),
  createdAt: timestampSchema,
});

/** An API sign-in: a short-lived access token and the refresh token that renews it. */
export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
});

export const tokenPairShape: SameShape<TokenPair, z.infer<typeof tokenPairSchema>> = true;

/** One signed-in device or API client, as the security page lists them. */
export const sessionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["web", "api"]),
  current: z.boolean(),
  createdAt: timestampSchema,
  lastSeenAt: timestampSchema,
  expiresAt: timestampSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  country: z.string().nullable(),
  mfaVerified: z.boolean(),
});

/** Which second factors an account has. */
export const mfaMethodsSchema = z.object({
  totp: z.boolean(),
  passkeys: z.number().int(),
  backupCodesLeft: z.number().int(),
  email: z.boolean(),
});

/** A new authenticator app's secret, its otpauth:// link and that link as a QR code (SVG). */
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });

export const backupCodesSchema = z.array(z.string());

export const mfaMethodsShape: SameShape<MfaMethods, z.infer<typeof mfaMethodsSchema>> = true;
export const totpSetupShape: SameShape<Awaited<ReturnType<typeof beginTotpSetup>>, z.infer<typeof totpSetupSchema>> = true;

/** One sign-in, failure, second-factor or password change on the account, as the security page lists it. */
export const securityEventViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  at: timestampSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  country: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
