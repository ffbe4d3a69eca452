import { and, eq, isNull } from "drizzle-orm";
import { refreshTokens, type Session } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { recordEvent } from "../shared/audit";
import { loadLiveSession, revokeSession, type RequestMeta, type Viewer } from "./sessions";
import { signPayload, verifyPayload } from "./signed";
import { generateSecretToken, hashToken } from "./tokens";

export const ACCESS_TOKEN_TTL_MS = 15 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
}

type AccessPayload = { sid: string; sub: string; exp: number; typ: "access" };

export async function issueTokenPair(ctx: DomainContext, session: Session): Promise<TokenPair> {
  const now = ctx.clock.now().getTime();
  const refreshToken = generateSecretToken();
  await ctx.db.insert(refreshTokens).values({
    id: ctx.newId(),
    sessionId: session.id,
    tokenHash: hashToken(refreshToken),
    expiresAt: new Date(now + REFRESH_TOKEN_TTL_MS),
    createdAt: new Date(now),
  });
  const accessToken = await signPayload(ctx.config.secret, {
    sid: session.id,
    sub: session.userId,
    exp: now + ACCESS_TOKEN_TTL_MS,
    typ: "access",
  });
  return { accessToken, refreshToken, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_TTL_MS / 1000 };
}

/** The viewer behind a bearer token, or null when it is forged, expired, revoked or blocked. */
export async function viewerFromAccessToken(ctx: DomainContext, token: string): Promise<Viewer | null> {
  const payload = await verifyPayload<AccessPayload>(ctx.config.secret, token, ctx.clock.now().getTime());
  if (!payload || payload.typ !== "access") return null;
  const viewer = await loadLiveSession(ctx, { id: payload.sid });
  return viewer && viewer.user.id === payload.sub ? viewer : null;
}

/** Rotates a refresh token. Presenting one that was already used revokes the whole session. */
export async function rotateRefreshToken(ctx: DomainContext, presented: string, meta: RequestMeta): Promise<TokenPair> {
  const [row] = await ctx.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(presented)))
    .limit(1);
  const invalid = () => new AppError(401, "invalid_token", "This refresh token is not valid. Please sign in again.");
  if (!row) throw invalid();
  const now = ctx.clock.now();
  const claimed = row.usedAt
    ? []
    : await ctx.db
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
  if (claimed.length === 0) {
    await revokeSession(ctx, row.sessionId);
    const owner = await loadSessionOwner(ctx, row.sessionId);
    await recordEvent(ctx, { type: "auth.refresh_reuse", actorId: owner, subjectType: "session", subjectId: row.sessionId, ...meta });
    throw new AppError(
      401,
      "token_reused",
      "This refresh token was already used, so the session was ended for safety. Please sign in again.",
    );
  }
  if (row.expiresAt.getTime() <= now.getTime()) throw invalid();
  const viewer = await loadLiveSession(ctx, { id: row.sessionId });
  if (!viewer) throw invalid();
  return issueTokenPair(ctx, viewer.session);
}

async function loadSessionOwner(ctx: DomainContext, sessionId: string): Promise<string | null> {
  const session = await ctx.db.query.sessions.findFirst({ where: (s, { eq: is }) => is(s.id, sessionId), columns: { userId: true } });
  return session?.userId ?? null;
}
