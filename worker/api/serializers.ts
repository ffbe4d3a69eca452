import type { z } from "zod";
import type { Session, User } from "../../db/schema";
import type { sessionViewSchema, userViewSchema } from "../domain/auth/view-schema";

/** The public shape of a user: never the password hash or internal flags. */
export function serializeUser(user: User): z.infer<typeof userViewSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    emailVerified: Boolean(user.emailVerifiedAt),
    timeZone: user.timeZone,
    createdAt: user.createdAt.toISOString(),
  };
}

export function serializeSession(session: Session, currentId: string): z.infer<typeof sessionViewSchema> {
  return {
    id: session.id,
    kind: session.kind,
    current: session.id === currentId,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    country: session.country,
    mfaVerified: session.mfaVerified,
  };
}
