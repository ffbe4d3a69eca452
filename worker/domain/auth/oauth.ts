import { and, eq } from "drizzle-orm";
import { oauthAccounts, users, type User } from "../../../db/schema";
import type { OAuthProfile, OAuthProviderName } from "../../platform/oauth/types";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement } from "../shared/audit";
import { findUserByEmail, normalizeEmail, sendVerificationEmail, SIGNUP_ROLES } from "./accounts";
import { isMfaEnabled } from "./mfa";
import { revokeOtherSessionsStatement, type RequestMeta } from "./sessions";
import { blockedError } from "./blocked";
import { recordSignIn } from "./sign-in";

export type SignupRole = (typeof SIGNUP_ROLES)[number];

export interface OAuthSignIn {
  user: User;
  /** How the account was reached: an existing link, a new link to an existing account, or a new account. */
  outcome: "signed_in" | "linked" | "created";
}

/**
 * Signs in the person a provider vouched for: their linked account, else the account with the same
 * email when the provider verified that email, else a new account. `role` only applies to a new account.
 */
export async function signInWithOAuth(
  ctx: DomainContext,
  input: { provider: OAuthProviderName; profile: OAuthProfile; role: SignupRole },
  meta: RequestMeta,
): Promise<OAuthSignIn> {
  const { provider, profile } = input;
  const email = normalizeEmail(profile.email);
  const linked = await findLinkedUser(ctx, provider, profile.providerUserId);
  let result: OAuthSignIn;
  if (linked) {
    result = { user: linked, outcome: "signed_in" };
  } else {
    const existing = await findUserByEmail(ctx, email);
    if (existing && !profile.emailVerified) {
      throw new AppError(
        409,
        "email_taken_unverified",
        `An account with this email already exists, and ${providerLabel(provider)} has not confirmed that the address is yours. Sign in the way you usually do instead.`,
      );
    }
    if (existing) {
      await assertMaySignIn(ctx, existing);
      result = { user: await linkExistingUser(ctx, existing, input, email, meta), outcome: "linked" };
    } else {
      result = { user: await createOAuthUser(ctx, input, email, meta), outcome: "created" };
      if (!result.user.emailVerifiedAt) await sendVerificationEmail(ctx, result.user);
    }
  }
  if (result.outcome === "signed_in") await assertMaySignIn(ctx, result.user);
  await recordSignIn(ctx, result.user, meta, `oauth:${provider}`);
  return result;
}

async function findLinkedUser(ctx: DomainContext, provider: OAuthProviderName, providerUserId: string): Promise<User | undefined> {
  const [row] = await ctx.db
    .select({ user: users })
    .from(oauthAccounts)
    .innerJoin(users, eq(users.id, oauthAccounts.userId))
    .where(and(eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerUserId, providerUserId)))
    .limit(1);
  return row?.user;
}

async function assertMaySignIn(ctx: DomainContext, user: User): Promise<void> {
  if (user.blockedAt) throw blockedError(user);
  // A provider sign-in is one factor; with 2FA on it must not stand in for the second one.
  if (await isMfaEnabled(ctx, user.id)) {
    throw new AppError(
      403,
      "mfa_required",
      "This account has two-factor authentication on. Sign in with your email, password and code (or reset your password to set one).",
    );
  }
}

async function linkExistingUser(
  ctx: DomainContext,
  user: User,
  input: { provider: OAuthProviderName; profile: OAuthProfile },
  email: string,
  meta: RequestMeta,
): Promise<User> {
  const now = ctx.clock.now();
  const link = ctx.db
    .insert(oauthAccounts)
    .values({ provider: input.provider, providerUserId: input.profile.providerUserId, userId: user.id, email, createdAt: now });
  const audit = auditStatement(ctx, {
    type: "auth.oauth_linked",
    actorId: user.id,
    subjectType: "user",
    subjectId: user.id,
    ...meta,
    data: { provider: input.provider, emailWasVerified: Boolean(user.emailVerifiedAt) },
  });
  if (user.emailVerifiedAt) {
    await ctx.db.batch([link, audit]);
    return user;
  }
  // Nobody proved this address before; whoever set the password or linked an unverified login may have
  // pre-registered it, so those credentials and sessions go and the provider-verified owner takes over.
  const [, , , [updated]] = await ctx.db.batch([
    ctx.db.delete(oauthAccounts).where(eq(oauthAccounts.userId, user.id)),
    link,
    audit,
    ctx.db.update(users).set({ passwordHash: null, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id)).returning(),
    revokeOtherSessionsStatement(ctx, user.id),
  ]);
  return updated;
}

async function createOAuthUser(
  ctx: DomainContext,
  input: { provider: OAuthProviderName; profile: OAuthProfile; role: SignupRole },
  email: string,
  meta: RequestMeta,
): Promise<User> {
  const now = ctx.clock.now();
  const id = ctx.newId();
  const name = (input.profile.name?.trim() || email.split("@")[0]).slice(0, 100);
  const [[user]] = await ctx.db.batch([
    ctx.db
      .insert(users)
      .values({
        id,
        email,
        name,
        passwordHash: null,
        roles: [input.role],
        emailVerifiedAt: input.profile.emailVerified ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    ctx.db
      .insert(oauthAccounts)
      .values({ provider: input.provider, providerUserId: input.profile.providerUserId, userId: id, email, createdAt: now }),
    auditStatement(ctx, {
      type: "auth.registered",
      actorId: id,
      subjectType: "user",
      subjectId: id,
      ...meta,
      data: { role: input.role, method: `oauth:${input.provider}` },
    }),
    auditStatement(ctx, {
      type: "auth.oauth_linked",
      actorId: id,
      subjectType: "user",
      subjectId: id,
      ...meta,
      data: { provider: input.provider },
    }),
  ]);
  return user;
}

function providerLabel(provider: OAuthProviderName): string {
  return provider === "google" ? "Google" : "GitHub";
}
