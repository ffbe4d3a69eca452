import { and, eq } from "drizzle-orm";
import { savedSearches } from "../../../db/schema";
import { signPayload, verifyPayload } from "../auth/signed";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { UNSUBSCRIBE_TOKEN_TTL_MS } from "../notifications/preferences";

type DigestUnsubscribe = { savedSearchId: string; exp: number; typ: "saved-search-digest" };

/** The digest's unsubscribe link: a signed token naming the saved search, working without signing in. */
export async function digestUnsubscribeUrl(ctx: DomainContext, savedSearchId: string): Promise<string> {
  const token = await signPayload(ctx.config.secret, {
    savedSearchId,
    exp: ctx.clock.now().getTime() + UNSUBSCRIBE_TOKEN_TTL_MS,
    typ: "saved-search-digest",
  });
  return `${ctx.config.appOrigin}/saved-searches/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * Stops a saved search's daily digest from its e-mail link (no sign-in): the search stays saved, with no alerts.
 * Answers the search's name for the confirmation page; a search deleted since is confirmed too (nothing left to send).
 */
export async function unsubscribeDigest(ctx: DomainContext, token: string): Promise<{ name: string | null }> {
  const payload = await verifyPayload<DigestUnsubscribe>(ctx.config.secret, token, ctx.clock.now().getTime());
  if (!payload || payload.typ !== "saved-search-digest" || typeof payload.savedSearchId !== "string") {
    throw new AppError(400, "invalid_token", "This unsubscribe link is not valid.");
  }
  // Only the digest stops: a search switched to instant alerts since keeps them.
  const [, [row]] = await ctx.db.batch([
    ctx.db
      .update(savedSearches)
      .set({ frequency: "none", updatedAt: ctx.clock.now() })
      .where(and(eq(savedSearches.id, payload.savedSearchId), eq(savedSearches.frequency, "daily"))),
    ctx.db.select({ name: savedSearches.name }).from(savedSearches).where(eq(savedSearches.id, payload.savedSearchId)),
  ]);
  return { name: row?.name ?? null };
}
