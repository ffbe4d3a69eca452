import { eq } from "drizzle-orm";
import { users, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { auditStatement, recordEvent } from "../shared/audit";
import { passwordWeakness } from "./common-passwords";
import { authEmails } from "./emails";
import { consumeOneTimeToken, issueOneTimeToken } from "./one-time";
import { hashPassword, verifyPassword } from "./password";
import { revokeOtherSessionsStatement, type RequestMeta, type Viewer } from "./sessions";
import { generateSecretToken, hashToken } from "./tokens";
import { SIGNUP_ROLES } from "./inputs";

export { SIGNUP_ROLES };

export const MAILS_PER_HOUR = 3;
const HOUR_MS = 60 * 60 * 1000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(ctx: DomainContext, email: string): Promise<User | undefined> {
  return ctx.db.query.users.findFirst({ where: eq(users.email, normalizeEmail(email)) });
}

export async function registerUser(
  ctx: DomainContext,
  input: { email: string; password: string; name: string; role: (typeof SIGNUP_ROLES)[number] },
  meta: RequestMeta,
): Promise<User> {
  const email = normalizeEmail(input.email);
  const weakness = passwordWeakness(input.password, { email, name: input.name });
  if (weakness) throw new AppError(422, "weak_password", weakness, { password: [weakness] });
  if (await findUserByEmail(ctx, email)) {
    throw new AppError(409, "email_taken", "An account with this email already exists. Sign in or reset your password.", {
      email: ["Already registered."],
    });
  }
  const now = ctx.clock.now();
  const id = ctx.newId();
  const passwordHash = await hashPassword(input.password);
  const [inserted] = await ctx.db.batch([
    ctx.db
      .insert(users)
      .values({ id, email, name: input.name.trim(), passwordHash, roles: [input.role], createdAt: now, updatedAt: now })
      .returning(),
    auditStatement(ctx, { type: "auth.registered", actorId: id, subjectType: "user", subjectId: id, ...meta, data: { role: input.role } }),
  ]);
  const user = inserted[0];
  await sendVerificationEmail(ctx, user);
  return user;
}

/** Mail about an account is capped per hour, so nobody can use us to flood an inbox. */
export async function withinMailLimit(ctx: DomainContext, userId: string, kind: string): Promise<boolean> {
  const decision = await ctx.rateLimiter.hit(`mail:${kind}:${userId}`, MAILS_PER_HOUR, HOUR_MS);
  if (decision.limited) ctx.log("mail limit reached", { userId, kind });
  return !decision.limited;
}

export async function sendVerificationEmail(ctx: DomainContext, user: User): Promise<{ sent: boolean }> {
  if (user.emailVerifiedAt) return { sent: false };
  if (!(await withinMailLimit(ctx, user.id, "verify"))) {
    throw new AppError(
      429,
      "too_many_emails",
      "We already sent several emails in the last hour. Please check your inbox or try again later.",
      undefined,
      {
        "Retry-After": "3600",
      },
    );
  }
  const token = generateSecretToken();
  await issueOneTimeToken(ctx, user.id, "verify_email", token);
  await ctx.sendEmail(authEmails.verifyEmail(user.email, user.name, `${ctx.config.appOrigin}/verify-email?token=${token}`));
  return { sent: true };
}

export async function verifyEmail(ctx: DomainContext, token: string, meta: RequestMeta): Promise<User> {
  const userId = await consumeOneTimeToken(ctx, "verify_email", token);
  if (!userId) throw new AppError(400, "invalid_token", "This verification link is not valid or has expired. Ask for a new one.");
  const now = ctx.clock.now();
  const [[user]] = await ctx.db.batch([
    ctx.db.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId)).returning(),
    auditStatement(ctx, { type: "auth.email_verified", actorId: userId, subjectType: "user", subjectId: userId, ...meta }),
  ]);
  return user;
}

/** Sets a new password from a reset link; every existing session of the account ends. */
export async function resetPassword(ctx: DomainContext, token: string, newPassword: string, meta: RequestMeta): Promise<User> {
  const userId = await peekResetTokenOwner(ctx, token);
  const user = userId ? await ctx.db.query.users.findFirst({ where: eq(users.id, userId) }) : undefined;
  if (!user) throw new AppError(400, "invalid_token", "This reset link is not valid or has expired. Ask for a new one.");
  const weakness = passwordWeakness(newPassword, { email: user.email, name: user.name });
  if (weakness) throw new AppError(422, "weak_password", weakness, { password: [weakness] });
  const consumed = await consumeOneTimeToken(ctx, "reset_password", token, user.id);
  if (!consumed) throw new AppError(400, "invalid_token", "This reset link is not valid or has expired. Ask for a new one.");
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ passwordHash, updatedAt: now, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(users.id, user.id)),
    revokeOtherSessionsStatement(ctx, user.id),
    auditStatement(ctx, { type: "auth.password_reset", actorId: user.id, subjectType: "user", subjectId: user.id, ...meta }),
  ]);
  await ctx.sendEmail(authEmails.passwordChanged(user.email, user.name));
  return user;
}

async function peekResetTokenOwner(ctx: DomainContext, token: string): Promise<string | null> {
  const row = await ctx.db.query.oneTimeTokens.findFirst({
    where: (t, { and, eq: is, gt }) =>
      and(is(t.tokenHash, hashToken(token)), is(t.purpose, "reset_password"), gt(t.expiresAt, ctx.clock.now())),
  });
  return row?.userId ?? null;
}

export async function changePassword(
  ctx: DomainContext,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
  meta: RequestMeta,
): Promise<void> {
  const { user } = viewer;
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(422, "invalid_password", "Your current password is not correct.", { currentPassword: ["Not correct."] });
  }
  const weakness = passwordWeakness(newPassword, { email: user.email, name: user.name });
  if (weakness) throw new AppError(422, "weak_password", weakness, { newPassword: [weakness] });
  const now = ctx.clock.now();
  await ctx.db.batch([
    ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), updatedAt: now })
      .where(eq(users.id, user.id)),
    revokeOtherSessionsStatement(ctx, user.id, viewer.session.id),
    auditStatement(ctx, { type: "auth.password_changed", actorId: user.id, subjectType: "user", subjectId: user.id, ...meta }),
  ]);
  await ctx.sendEmail(authEmails.passwordChanged(user.email, user.name));
}

/** A client may add the freelancer role and the other way round; admin is granted only by the CLI. */
export async function addRole(ctx: DomainContext, viewer: Viewer, role: (typeof SIGNUP_ROLES)[number]): Promise<User> {
  if (viewer.user.roles.includes(role)) return viewer.user;
  const roles = [...viewer.user.roles, role];
  const [user] = await ctx.db.update(users).set({ roles, updatedAt: ctx.clock.now() }).where(eq(users.id, viewer.user.id)).returning();
  await recordEvent(ctx, { type: "auth.role_added", actorId: user.id, subjectType: "user", subjectId: user.id, data: { role } });
  return user;
}

export function requireVerifiedEmail(user: User): void {
  if (!user.emailVerifiedAt) {
    throw new AppError(
      403,
      "email_unverified",
      "Please confirm your email address first. We can send the link again from your account page.",
    );
  }
}
