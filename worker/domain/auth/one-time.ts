import { and, eq, gt } from "drizzle-orm";
import { oneTimeTokens, type OneTimePurpose } from "../../../db/schema";
import type { DomainContext } from "../context";
import { hashToken } from "./tokens";

export const ONE_TIME_TTL_MS: Record<OneTimePurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  email_code: 10 * 60 * 1000,
};

/** Stores the hash of a fresh single-use secret, replacing older ones of the same purpose. */
export async function issueOneTimeToken(ctx: DomainContext, userId: string, purpose: OneTimePurpose, secret: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db.delete(oneTimeTokens).where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose))),
    ctx.db.insert(oneTimeTokens).values({
      id: ctx.newId(),
      userId,
      purpose,
      tokenHash: hashToken(secret),
      expiresAt: new Date(now.getTime() + ONE_TIME_TTL_MS[purpose]),
      createdAt: now,
    }),
  ]);
}

/** Deletes the token and returns its user id if it was live; deleting is the consumption. */
export async function consumeOneTimeToken(
  ctx: DomainContext,
  purpose: OneTimePurpose,
  secret: string,
  userId?: string,
): Promise<string | null> {
  const conditions = [
    eq(oneTimeTokens.tokenHash, hashToken(secret)),
    eq(oneTimeTokens.purpose, purpose),
    gt(oneTimeTokens.expiresAt, ctx.clock.now()),
  ];
  if (userId) conditions.push(eq(oneTimeTokens.userId, userId));
  const [deleted] = await ctx.db
    .delete(oneTimeTokens)
    .where(and(...conditions))
    .returning({ userId: oneTimeTokens.userId });
  return deleted?.userId ?? null;
}
