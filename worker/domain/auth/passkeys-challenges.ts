import { and, eq, gt, lt, type SQL } from "drizzle-orm";
import { webauthnChallenges } from "../../../db/schema";
import type { DomainContext } from "../context";
import { relyingPartyFor } from "./relying-party";

export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000;

export type ChallengePurpose = (typeof webauthnChallenges.$inferSelect)["purpose"];
export type StoredChallenge = typeof webauthnChallenges.$inferSelect;

/** The relying party is the configured app origin: passkeys are bound to its host name. */
export function relyingParty(ctx: DomainContext): { rpID: string; origin: string; rpName: string } {
  return relyingPartyFor(ctx.config.appOrigin);
}

/** Saves a challenge for five minutes and sweeps out the expired ones in the same write. */
export async function storeChallenge(
  ctx: DomainContext,
  input: { purpose: ChallengePurpose; userId: string | null; challenge: string },
): Promise<string> {
  const now = ctx.clock.now();
  const id = ctx.newId();
  await ctx.db.batch([
    ctx.db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now)),
    ctx.db.insert(webauthnChallenges).values({
      id,
      userId: input.userId,
      purpose: input.purpose,
      challenge: input.challenge,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
      createdAt: now,
    }),
  ]);
  return id;
}

/** Deletes and returns a live challenge in one statement, so each can be answered only once. */
export async function takeChallenge(
  ctx: DomainContext,
  purpose: ChallengePurpose,
  where: SQL | undefined,
): Promise<StoredChallenge | null> {
  const [row] = await ctx.db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.purpose, purpose), gt(webauthnChallenges.expiresAt, ctx.clock.now()), where))
    .returning();
  return row ?? null;
}
