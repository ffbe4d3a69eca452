import { z } from "zod";
import { ROLES } from "../../../db/schema";
import { timestampSchema, type SameShape } from "../views";
import type { TokenPair } from "./api-tokens";

/** The public shape of a user: never the password hash or internal flags. */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  emailVerified: z.boolean(),
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
